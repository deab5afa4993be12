package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActiveUnitsTest {

    @Test
    void count_unitsAroundThreshold_countsOnlyThoseAbove() {
        // Each unit alternates mean ± a over the samples, so its variance is a².
        float[] amplitudes = {0.2f, 0.05f, 0f, 0.11f, 0.09f};
        float[][] means = new float[8][amplitudes.length];
        for (int i = 0; i < means.length; i++) {
            float sign = i % 2 == 0 ? 1f : -1f;
            for (int u = 0; u < amplitudes.length; u++) {
                means[i][u] = 3f * u + amplitudes[u] * sign;
            }
        }

        double[] variances = ActiveUnits.variances(means);

        assertThat(variances)
                .containsExactly(new double[] {0.04, 0.0025, 0, 0.0121, 0.0081}, within(1e-6));
        assertThat(ActiveUnits.count(means)).isEqualTo(2);
    }

    @Test
    void count_collapsedLatent_isZero() {
        float[][] means = {{0.001f, 0f}, {-0.001f, 0f}, {0f, 0f}};

        assertThat(ActiveUnits.count(means)).isZero();
    }

    @Test
    void count_oneSample_throws() {
        assertThatThrownBy(() -> ActiveUnits.count(new float[][] {{1f, 2f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent means of at least 2 samples, got 1");
    }

    @Test
    void count_raggedRows_throwsWithRow() {
        assertThatThrownBy(() -> ActiveUnits.count(new float[][] {{1f, 2f}, {1f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent means: row 1 has 1 values, expected 2 like row 0");
    }
}
