package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aetransfer.DjlEngine;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    @Test
    void assemble_bytes_givesFloat32ValuesOverTwoHundredFiftyFive() {
        SampleShape shape = new SampleShape(1, 2, 2);
        byte[] values = {0, 1, 2, 3, (byte) 128, (byte) 200, (byte) 254, (byte) 255};
        SampleSet samples = InMemorySampleSet.ofBytes(shape, values, "test");
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            NDArray batch = new BatchAssembler(samples, 2).assemble(manager, new int[] {1, 0});

            assertThat(batch.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(batch.getShape()).isEqualTo(new Shape(2, 1, 2, 2));
            assertThat(batch.toFloatArray())
                    .containsExactly(
                            128 / 255f,
                            200 / 255f,
                            254 / 255f,
                            1f,
                            0f,
                            1 / 255f,
                            2 / 255f,
                            3 / 255f);
        }
    }
}
