package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import dev.aetransfer.DjlEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSetDatasetTest {

    /** Six 1x2x2 images, image {@code i} filled with {@code 10 i}, label {@code i % 3}. */
    private static SampleSet images() {
        byte[] values = new byte[24];
        int[] labels = new int[6];
        for (int i = 0; i < 24; i++) {
            values[i] = (byte) (10 * (i / 4));
        }
        for (int i = 0; i < 6; i++) {
            labels[i] = i % 3;
        }
        return InMemorySampleSet.ofBytes(new SampleShape(1, 2, 2), values, "test")
                .withLabels(labels, List.of("a", "b", "c"));
    }

    @Test
    void get_labelledImages_givesImageInUnitRangeAndLabel() throws Exception {
        SampleSetDataset dataset =
                SampleSetDataset.builder().setSamples(images()).setSampling(2, false).build();

        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            Record record = dataset.get(manager, 4);

            assertThat(record.getData().singletonOrThrow().getShape())
                    .isEqualTo(new Shape(1, 2, 2));
            assertThat(record.getData().singletonOrThrow().toFloatArray()).containsOnly(40 / 255f);
            assertThat(record.getLabels().singletonOrThrow().getFloat()).isEqualTo(1f);
        }
        assertThat(dataset.size()).isEqualTo(6);
    }

    @Test
    void getData_batchesEverySampleOnce() throws Exception {
        SampleSetDataset dataset =
                SampleSetDataset.builder().setSamples(images()).setSampling(4, false).build();

        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            int seen = 0;
            for (Batch batch : dataset.getData(manager)) {
                try (batch) {
                    Shape shape = batch.getData().singletonOrThrow().getShape();
                    assertThat(shape.get(1)).isEqualTo(1);
                    assertThat(batch.getLabels().singletonOrThrow().getShape().dimension())
                            .isEqualTo(1);
                    seen += (int) shape.get(0);
                }
            }
            assertThat(seen).isEqualTo(6);
        }
    }

    @Test
    void get_unlabelledVectors_giveFlatArraysAndNoLabel() {
        SampleSet vectors =
                InMemorySampleSet.ofFloats(
                        SampleShape.vector(3), new float[] {1, 2, 3, 4, 5, 6}, "v");
        SampleSetDataset dataset =
                SampleSetDataset.builder().setSamples(vectors).setSampling(1, false).build();

        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            Record record = dataset.get(manager, 1);

            assertThat(record.getData().singletonOrThrow().toFloatArray()).containsExactly(4, 5, 6);
            assertThat(record.getLabels()).isEmpty();
        }
    }

    @Test
    void build_withoutSamples_isMisuse() {
        assertThatThrownBy(() -> SampleSetDataset.builder().setSampling(1, false).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setSamples must be called before build");
    }
}
