package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The bottleneck: flattens its input to {@code N×d} and maps it to the latent code. A plain
 * autoencoder has one head ({@code code}, giving {@code N×latent}); a VAE has two ({@code mean} and
 * {@code logvar}, giving the mean and log-variance of {@code q(z|x)}, each {@code N×latent}). The
 * log-variance is smoothly bounded to ±{@value #LOG_VARIANCE_BOUND}: a single batch whose features
 * batch normalisation has stretched could otherwise push {@code exp(logvar)}, and with it the KL
 * term and its gradient, up by orders of magnitude.
 */
final class LatentBlock extends AbstractBlock {

    /**
     * The log-variance head's output is {@code b·tanh(raw / b)} with this {@code b}: smooth, close
     * to the raw value near 0, and never beyond ±b, so the variance stays within {@code e^±10}.
     */
    static final float LOG_VARIANCE_BOUND = 10f;

    private final Block first;
    private final Block logVariance;

    LatentBlock(int latentSize, boolean variational) {
        first =
                addChildBlock(
                        variational ? "mean" : "code",
                        Linear.builder().setUnits(latentSize).build());
        logVariance =
                variational
                        ? addChildBlock("logvar", Linear.builder().setUnits(latentSize).build())
                        : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList flat = new NDList(x.reshape(x.getShape().get(0), -1));
        NDArray code = first.forward(parameterStore, flat, training).singletonOrThrow();
        if (logVariance == null) {
            return new NDList(code);
        }
        NDArray raw = logVariance.forward(parameterStore, flat, training).singletonOrThrow();
        // A smooth bound keeps exp(logvar) finite when one batch drives the head far out.
        NDArray bound = Scalars.of(raw, LOG_VARIANCE_BOUND);
        NDArray logVar = raw.div(bound).tanh().mul(bound);
        return new NDList(code, logVar);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape flat = flatten(inputShapes[0]);
        first.initialize(manager, dataType, flat);
        if (logVariance != null) {
            logVariance.initialize(manager, dataType, flat);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape code = first.getOutputShapes(new Shape[] {flatten(inputShapes[0])})[0];
        return logVariance == null ? new Shape[] {code} : new Shape[] {code, code};
    }

    private static Shape flatten(Shape shape) {
        return new Shape(shape.get(0), shape.size() / shape.get(0));
    }
}
