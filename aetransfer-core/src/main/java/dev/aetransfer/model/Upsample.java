package dev.aetransfer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Nearest-neighbour upsampling of {@code N×C×h×w} feature maps to a fixed {@code height × width}.
 * With a convolution after it, this stands in for a transposed convolution, which DJL's PyTorch
 * engine does not implement. It has no parameters.
 */
final class Upsample extends AbstractBlock {

    /** PyTorch's interpolation mode code for nearest, as DJL's engine passes it through. */
    private static final int NEAREST = 0;

    private final long[] size;

    Upsample(int height, int width) {
        this.size = new long[] {height, width};
    }

    /** The height maps are upsampled to. */
    long height() {
        return size[0];
    }

    /** The width maps are upsampled to. */
    long width() {
        return size[1];
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(
                inputs.singletonOrThrow().getNDArrayInternal().interpolation(size, NEAREST, false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), size[0], size[1])};
    }
}
