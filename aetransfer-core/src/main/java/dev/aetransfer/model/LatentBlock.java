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
 * {@code logvar}, giving the mean and log-variance of {@code q(z|x)}, each {@code N×latent}).
 */
final class LatentBlock extends AbstractBlock {

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
        NDArray logVar = logVariance.forward(parameterStore, flat, training).singletonOrThrow();
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
