package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * A residual bottleneck adapter, {@code x + up(act(down(x)))}: 1×1 convolutions on {@code N×C×h×w}
 * feature maps, dense layers on {@code N×d} vectors. {@code up} starts at zero, so a new adapter
 * passes its input through unchanged and the adapted model's output equals the original's exactly
 * until training moves it.
 */
final class ResidualAdapter extends AbstractBlock {

    private final Block down;
    private final Block up;
    private final Nonlinearity activation;

    /**
     * @param convolutional true for feature maps, false for vectors
     * @param channels channels or units of the input, which the output keeps
     * @param width hidden width of the bottleneck
     */
    ResidualAdapter(boolean convolutional, int channels, int width, Nonlinearity activation) {
        this.activation = activation;
        if (convolutional) {
            down = addChildBlock("down", pointwise(width));
            up = addChildBlock("up", pointwise(channels));
        } else {
            down = addChildBlock("down", Linear.builder().setUnits(width).build());
            up = addChildBlock("up", Linear.builder().setUnits(channels).build());
        }
        up.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    private static Block pointwise(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray hidden = down.forward(parameterStore, inputs, training).singletonOrThrow();
        NDList activated = new NDList(activation.apply(hidden));
        NDArray delta = up.forward(parameterStore, activated, training).singletonOrThrow();
        return new NDList(x.add(delta));
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        down.initialize(manager, dataType, inputShapes);
        up.initialize(manager, dataType, down.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
