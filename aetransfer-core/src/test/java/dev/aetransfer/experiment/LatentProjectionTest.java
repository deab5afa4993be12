package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentProjectionTest {

    @Test
    void of_pointsOnALine_putAllVarianceOnTheFirstAxis() {
        // Points along (1, 2, 2) / 3 in 3-D: one direction of variance.
        float[][] means = new float[20][];
        for (int i = 0; i < means.length; i++) {
            float t = i - 9.5f;
            means[i] = new float[] {1 + t, 2 + 2 * t, -1 + 2 * t};
        }

        LatentProjection projection =
                LatentProjection.of("full", means, new int[20], List.of("only"));

        assertThat(projection.explainedVariance()).isCloseTo(1, within(1e-9));
        for (int i = 0; i < means.length; i++) {
            // The largest entry of the axis is positive, so x grows with t; |axis step| is 3.
            assertThat(projection.x()[i]).isCloseTo(3 * (i - 9.5), within(1e-4));
            assertThat(projection.y()[i]).isCloseTo(0, within(1e-4));
        }
    }

    @Test
    void of_randomMeans_projectsOnTheTwoLargestAxesInOrder() {
        Random random = new Random(3);
        float[][] means = new float[200][];
        for (int i = 0; i < means.length; i++) {
            means[i] =
                    new float[] {
                        (float) (0.5 * random.nextGaussian()),
                        (float) (4 * random.nextGaussian()),
                        (float) (0.1 * random.nextGaussian()),
                        (float) (2 * random.nextGaussian())
                    };
        }

        LatentProjection projection = LatentProjection.of("pca", means, new int[200], List.of("a"));

        double varianceX = variance(projection.x());
        double varianceY = variance(projection.y());
        assertThat(varianceX).isGreaterThan(varianceY);
        assertThat(varianceX).isCloseTo(variance(column(means, 1)), within(0.6));
        assertThat(varianceY).isCloseTo(variance(column(means, 3)), within(0.4));
        assertThat(projection.explainedVariance()).isBetween(0.95, 1.0);
    }

    @Test
    void of_constantMeans_givesTheOriginWithNothingExplained() {
        float[][] means = {{1, 2}, {1, 2}, {1, 2}};

        LatentProjection projection =
                LatentProjection.of("collapsed", means, new int[] {0, 1, 0}, List.of("a", "b"));

        assertThat(projection.x()).containsOnly(0.0);
        assertThat(projection.y()).containsOnly(0.0);
        assertThat(projection.explainedVariance()).isZero();
    }

    @Test
    void of_oneUnitLatent_hasYZero() {
        float[][] means = {{1}, {2}, {4}};

        LatentProjection projection =
                LatentProjection.of("tiny", means, new int[] {-1, -1, -1}, List.of());

        assertThat(projection.y()).containsOnly(0.0);
        assertThat(projection.explainedVariance()).isCloseTo(1, within(1e-9));
    }

    @Test
    void of_labelOutsideTheClasses_isRefused() {
        float[][] means = {{1, 2}, {3, 4}};

        assertThatThrownBy(
                        () ->
                                LatentProjection.of(
                                        "full", means, new int[] {0, 2}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latent projection full: label 2 is outside [-1, 2)");
    }

    @Test
    void of_raggedMeans_isRefused() {
        float[][] means = {{1, 2}, {3}};

        assertThatThrownBy(() -> LatentProjection.of("full", means, new int[] {0, 0}, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        """
                        latent projection full: PCA training rows: row 1 has 1 values, \
                        expected 2 like row 0""");
    }

    @Test
    void of_oneMean_isRefused() {
        assertThatThrownBy(
                        () ->
                                LatentProjection.of(
                                        "full", new float[][] {{1, 2}}, new int[1], List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latent projection full needs at least 2 latent means, got 1");
    }

    @Test
    void accessors_returnCopies() {
        LatentProjection projection =
                LatentProjection.of(
                        "full", new float[][] {{1, 0}, {0, 1}}, new int[] {0, 0}, List.of("a"));

        projection.x()[0] = 99;
        projection.labels()[0] = 5;

        assertThat(projection.x()[0]).isNotEqualTo(99);
        assertThat(projection.labels()[0]).isZero();
    }

    private static double[] column(float[][] rows, int j) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][j];
        }
        return values;
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
