package dev.aetransfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.aetransfer.DjlEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpsampleConvStageTest {

    private static final Shape UNIT = new Shape(1, 1);

    /** What the stage stands for: upsample to twice the size, then a 3×3 convolution. */
    private static NDArray plain(NDArray x, NDArray weight, NDArray bias) {
        long[] size = {x.getShape().get(2) * 2, x.getShape().get(3) * 2};
        NDArray up = x.getNDArrayInternal().interpolation(size, 0, false);
        return Conv2d.conv2d(up, weight, bias, UNIT, UNIT, UNIT).singletonOrThrow();
    }

    @Test
    void doubledConv_equalsUpsamplingThenConvolving() {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            DjlEngine.get().setRandomSeed(3);
            NDArray x = manager.randomNormal(new Shape(2, 3, 5, 4));
            NDArray weight = manager.randomNormal(new Shape(4, 3, 3, 3));
            NDArray bias = manager.randomNormal(new Shape(4));

            NDArray folded = UpsampleConvStage.doubledConv(x, weight, bias);

            assertThat(folded.getShape()).isEqualTo(new Shape(2, 4, 10, 8));
            assertThat(folded.toFloatArray())
                    .containsExactly(plain(x, weight, bias).toFloatArray(), within(1e-4f));
            assertThat(UpsampleConvStage.doubledConv(x, weight, null).toFloatArray())
                    .containsExactly(plain(x, weight, null).toFloatArray(), within(1e-4f));
        }
    }

    @Test
    void doubledConv_givesTheGradientsOfUpsamplingThenConvolving() {
        float[][] folded = gradients(true);
        float[][] reference = gradients(false);
        for (int i = 0; i < reference.length; i++) {
            assertThat(folded[i]).containsExactly(reference[i], within(1e-3f));
        }
    }

    /** Gradients of a weighted sum of the output with respect to input, weight and bias. */
    private static float[][] gradients(boolean folded) {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            DjlEngine.get().setRandomSeed(11);
            NDArray x = manager.randomNormal(new Shape(2, 3, 4, 3));
            NDArray weight = manager.randomNormal(new Shape(2, 3, 3, 3));
            NDArray bias = manager.randomNormal(new Shape(2));
            NDArray mix = manager.randomNormal(new Shape(2, 2, 8, 6));
            NDList inputs = new NDList(x, weight, bias);
            inputs.forEach(array -> array.setRequiresGradient(true));
            try (GradientCollector collector = DjlEngine.get().newGradientCollector()) {
                NDArray out =
                        folded
                                ? UpsampleConvStage.doubledConv(x, weight, bias)
                                : plain(x, weight, bias);
                collector.backward(out.mul(mix).sum());
            }
            float[][] grads = new float[inputs.size()][];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = inputs.get(i).getGradient().toFloatArray();
            }
            return grads;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 5})
    void forward_whetherTheSizeDoublesOrNot_equalsThePlainSequence(int size) {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            DjlEngine.get().setRandomSeed(5);
            UpsampleConvStage stage = new UpsampleConvStage(size, size, conv(4));
            SequentialBlock reference = new SequentialBlock();
            reference.add(new Upsample(size, size));
            reference.add(conv(4));
            Shape input = new Shape(2, 3, 3, 3);
            stage.initialize(manager, DataType.FLOAT32, input);
            reference.initialize(manager, DataType.FLOAT32, input);
            var from = stage.getParameters();
            var to = reference.getParameters();
            for (int i = 0; i < from.size(); i++) {
                from.get(i).getValue().getArray().copyTo(to.get(i).getValue().getArray());
            }
            ParameterStore store = new ParameterStore(manager, false);
            NDList x = new NDList(manager.randomUniform(0, 1, input));

            NDArray out = stage.forward(store, x, false).singletonOrThrow();

            assertThat(out.getShape()).isEqualTo(new Shape(2, 4, size, size));
            assertThat(out.toFloatArray())
                    .containsExactly(
                            reference.forward(store, x, false).singletonOrThrow().toFloatArray(),
                            within(1e-4f));
        }
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(UNIT)
                .setFilters(filters)
                .build();
    }
}
