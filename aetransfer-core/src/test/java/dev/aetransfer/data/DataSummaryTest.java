package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataSummaryTest {

    @Test
    void of_rgbImages_givesPerChannelMeanAndStd() {
        // Two 3x1x2 images: red 0 and 255, green all 51, blue 255 and 0 / 0 and 255.
        byte[] values = {
            0, (byte) 255, 51, 51, (byte) 255, 0, 0, (byte) 255, 51, 51, 0, (byte) 255
        };
        SampleSet set =
                InMemorySampleSet.ofBytes(new SampleShape(3, 1, 2), values, "t")
                        .withLabels(new int[] {1, 1}, List.of("a", "b"));

        DataSummary summary = DataSummary.of(set);

        assertThat(summary.size()).isEqualTo(2);
        assertThat(summary.classCounts()).containsExactly(0, 2);
        assertThat(summary.mean().get(0)).isCloseTo(0.5, within(1e-6));
        assertThat(summary.mean().get(1)).isCloseTo(0.2, within(1e-6));
        assertThat(summary.std().get(0)).isCloseTo(0.5, within(1e-6));
        assertThat(summary.std().get(1)).isCloseTo(0, within(1e-6));
        assertThat(summary.std().get(2)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void of_vectors_isOneChannel() {
        SampleSet set =
                InMemorySampleSet.ofFloats(SampleShape.vector(2), new float[] {1, 3, 5, 7}, "v");

        DataSummary summary = DataSummary.of(set);

        assertThat(summary.mean()).containsExactly(4.0);
        assertThat(summary.std().get(0)).isCloseTo(Math.sqrt(5), within(1e-9));
        assertThat(summary.classCounts()).isEmpty();
    }

    @Test
    void of_emptySet_hasNoStatistics() {
        SampleSet set = InMemorySampleSet.ofBytes(new SampleShape(1, 2, 2), new byte[0], "e");

        assertThat(DataSummary.of(set).mean().get(0)).isNaN();
    }
}
