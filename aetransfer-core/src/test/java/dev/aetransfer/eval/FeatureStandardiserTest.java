package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureStandardiserTest {

    private static final float[][] TRAINING = {{1f, 10f, 5f}, {3f, 20f, 5f}, {5f, 30f, 5f}};

    @Test
    void apply_trainingRows_haveMeanZeroAndUnitStd() {
        float[][] out = FeatureStandardiser.fit(TRAINING).apply(TRAINING);

        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double square = 0;
            for (float[] row : out) {
                mean += row[j] / 3.0;
                square += row[j] * row[j] / 3.0;
            }
            assertThat(mean).isCloseTo(0, within(1e-6));
            assertThat(square - mean * mean).isCloseTo(1, within(1e-6));
        }
    }

    @Test
    void apply_heldOutRow_usesTrainingStatistics() {
        // Column 0: mean 3, population std sqrt(8/3); column 1: mean 20, std sqrt(200/3).
        float[][] out = FeatureStandardiser.fit(TRAINING).apply(new float[][] {{7f, 0f, 6f}});

        assertThat(out[0][0]).isCloseTo((float) (4 / Math.sqrt(8.0 / 3)), within(1e-5f));
        assertThat(out[0][1]).isCloseTo((float) (-20 / Math.sqrt(200.0 / 3)), within(1e-5f));
        // A column constant in training is only centred.
        assertThat(out[0][2]).isEqualTo(1f);
    }

    @Test
    void apply_doesNotModifyArgument() {
        float[][] rows = {{7f, 0f, 6f}};

        FeatureStandardiser.fit(TRAINING).apply(rows);

        assertThat(rows[0]).containsExactly(7f, 0f, 6f);
    }

    @Test
    void apply_otherDimension_throws() {
        FeatureStandardiser standardiser = FeatureStandardiser.fit(TRAINING);

        assertThat(standardiser.dimension()).isEqualTo(3);
        assertThatThrownBy(() -> standardiser.apply(new float[][] {{1f, 2f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "features to standardise: rows have 2 values but the training rows have 3");
    }

    @Test
    void fit_infiniteValue_throwsWithRowAndColumn() {
        float[][] rows = {{1f, 2f}, {Float.POSITIVE_INFINITY, 2f}};

        assertThatThrownBy(() -> FeatureStandardiser.fit(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "training features: row 1 has a non-finite value Infinity at column 0");
    }
}
