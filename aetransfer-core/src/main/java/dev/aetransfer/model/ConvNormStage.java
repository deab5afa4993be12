package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * An encoder stage: a 3×3 convolution with stride 2 and padding 1, then whatever layers follow
 * (normalisation, activation).
 *
 * <p>In inference mode batch normalisation is a fixed affine map per channel, so when it follows
 * the convolution the stage folds it in: the kernel scaled by {@code γ/√(σ²+ε)} per filter and a
 * bias {@code β − μ·γ/√(σ²+ε)}, computed on every pass. That saves a pass over the feature maps;
 * the values are those of the plain path up to float rounding. Training, and other normalisations,
 * run the layers as they are. The children and their parameters are those of a plain {@link
 * SequentialBlock}, so model files are the same either way.
 */
final class ConvNormStage extends SequentialBlock {

    /** The ε of the batch normalisation that follows, as the block builds it. */
    static final float EPSILON = 1e-5f;

    private static final Shape STRIDE = new Shape(2, 2);
    private static final Shape PADDING = new Shape(1, 1);
    private static final Shape DILATION = new Shape(1, 1);

    private final Block conv;

    /**
     * @param filters output channels
     * @param bias whether the convolution has a bias (only without normalisation)
     */
    ConvNormStage(int filters, boolean bias) {
        this.conv =
                Conv2d.builder()
                        .setKernelShape(new Shape(3, 3))
                        .optStride(STRIDE)
                        .optPadding(PADDING)
                        .setFilters(filters)
                        .optBias(bias)
                        .build();
        add(conv);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        List<Block> layers = getChildren().values();
        if (training || layers.size() < 2 || !(layers.get(1) instanceof BatchNorm norm)) {
            return super.forwardInternal(parameterStore, inputs, training, params);
        }
        NDArray x = inputs.singletonOrThrow();
        NDArray weight = valueOf(parameterStore, conv, "weight", x);
        NDArray gamma = valueOf(parameterStore, norm, "gamma", x);
        NDArray beta = valueOf(parameterStore, norm, "beta", x);
        NDArray mean = valueOf(parameterStore, norm, "runningMean", x);
        NDArray variance = valueOf(parameterStore, norm, "runningVar", x);

        // Results of operations on a parameter belong to the parameter's manager, which lives as
        // long as the model: those made from parameters alone move to the input's manager.
        NDManager manager = x.getManager();
        NDArray deviation = variance.add(EPSILON);
        deviation.attach(manager);
        NDArray scale = gamma.div(deviation.sqrt());
        scale.attach(manager);
        NDArray shift = scale.mul(mean).neg().add(beta);
        NDArray kernel = scale.reshape(-1, 1, 1, 1).mul(weight);

        NDList h = Conv2d.conv2d(x, kernel, shift, STRIDE, PADDING, DILATION);
        for (Block layer : layers.subList(2, layers.size())) {
            h = layer.forward(parameterStore, h, false);
        }
        return h;
    }

    private static NDArray valueOf(ParameterStore store, Block block, String name, NDArray x) {
        return store.getValue(block.getParameters().get(name), x.getDevice(), false);
    }
}
