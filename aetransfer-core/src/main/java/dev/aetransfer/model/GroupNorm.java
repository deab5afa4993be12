package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Group normalisation (Wu and He, 2018) over {@code N×C×…} inputs: the channels are split into
 * groups, each normalised over its channels and positions, then scaled and shifted per channel. It
 * keeps no running statistics, so it behaves the same in training and inference.
 */
final class GroupNorm extends AbstractBlock {

    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    /** Up to 8 groups: the largest divisor of {@code channels} that is at most 8. */
    GroupNorm(int channels) {
        int g = Math.min(8, channels);
        while (channels % g != 0) {
            g--;
        }
        this.groups = g;
        this.gamma =
                addParameter(
                        Parameter.builder()
                                .setName("gamma")
                                .setType(Parameter.Type.GAMMA)
                                .optShape(new Shape(channels))
                                .optInitializer(Initializer.ONES)
                                .build());
        this.beta =
                addParameter(
                        Parameter.builder()
                                .setName("beta")
                                .setType(Parameter.Type.BETA)
                                .optShape(new Shape(channels))
                                .optInitializer(Initializer.ZEROS)
                                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        NDArray grouped = x.reshape(shape.get(0), groups, -1);
        NDArray mean = grouped.mean(new int[] {2}, true);
        NDArray centred = grouped.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt()).reshape(shape);

        long[] broadcast = new long[shape.dimension()];
        Arrays.fill(broadcast, 1);
        broadcast[1] = shape.get(1);
        Shape perChannel = new Shape(broadcast);
        NDArray g = parameterStore.getValue(gamma, x.getDevice(), training).reshape(perChannel);
        NDArray b = parameterStore.getValue(beta, x.getDevice(), training).reshape(perChannel);
        return new NDList(normalised.mul(g).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
