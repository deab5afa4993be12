package dev.aetransfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.aetransfer.DjlEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvNormStageTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void forward_inInferenceOrTraining_equalsThePlainLayers(boolean training) {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            DjlEngine.get().setRandomSeed(7);
            Shape input = new Shape(4, 3, 6, 5);
            ConvNormStage stage = new ConvNormStage(8, false);
            stage.add(BatchNorm.builder().optEpsilon(ConvNormStage.EPSILON).build());
            stage.add(Activation::relu);
            SequentialBlock reference = new SequentialBlock();
            reference.add(
                    Conv2d.builder()
                            .setKernelShape(new Shape(3, 3))
                            .optStride(new Shape(2, 2))
                            .optPadding(new Shape(1, 1))
                            .setFilters(8)
                            .optBias(false)
                            .build());
            reference.add(BatchNorm.builder().optEpsilon(ConvNormStage.EPSILON).build());
            reference.add(Activation::relu);
            stage.initialize(manager, DataType.FLOAT32, input);
            reference.initialize(manager, DataType.FLOAT32, input);
            var from = stage.getParameters();
            var to = reference.getParameters();
            for (int i = 0; i < from.size(); i++) {
                // Statistics and affine terms away from their initial 0 and 1.
                Pair<String, Parameter> pair = from.get(i);
                NDArray array = pair.getValue().getArray();
                NDArray random = manager.randomUniform(0.5f, 1.5f, array.getShape());
                (pair.getKey().endsWith("Mean") ? random.sub(1) : random).copyTo(array);
                array.copyTo(to.get(i).getValue().getArray());
            }
            ParameterStore store = new ParameterStore(manager, false);
            NDList x = new NDList(manager.randomNormal(input));

            NDArray out = stage.forward(store, x, training).singletonOrThrow();

            NDArray expected = reference.forward(store, x, training).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(4, 8, 3, 3));
            assertThat(out.toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-4f));
        }
    }
}
