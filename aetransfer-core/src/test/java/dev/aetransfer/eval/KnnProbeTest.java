package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KnnProbeTest {

    @Test
    void evaluate_separableClusters_scoresNearOne() {
        ProbeData train = ProbeData.clusters(150, 12, 3, 3.0, 1, 2);
        ProbeData test = ProbeData.clusters(90, 12, 3, 3.0, 1, 3);

        ProbeResult result = evaluate(KnnProbe.defaults(), train, test);

        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void evaluate_randomLabels_scoresNearChance() {
        // 4 classes: chance is 0.25 and the standard error over 400 rows about 0.022.
        ProbeData train = ProbeData.noise(200, 20, 4, 7);
        ProbeData test = ProbeData.noise(400, 20, 4, 8);

        assertThat(evaluate(KnnProbe.defaults(), train, test).accuracy()).isBetween(0.13, 0.37);
    }

    @Test
    void evaluate_rowsScaledByPositiveFactors_givesSameResult() {
        ProbeData train = ProbeData.clusters(100, 8, 4, 0.7, 20, 21);
        ProbeData test = ProbeData.clusters(100, 8, 4, 0.7, 20, 22);
        Random random = new Random(23);

        ProbeResult plain = evaluate(KnnProbe.defaults(), train, test);
        ProbeResult scaled =
                KnnProbe.defaults()
                        .evaluate(
                                scaleRows(train.features(), random),
                                train.labels(),
                                scaleRows(test.features(), random),
                                test.labels());

        assertThat(plain.accuracy()).isBetween(0.3, 0.98);
        assertThat(scaled).isEqualTo(plain);
    }

    @Test
    void evaluate_votesTie_largerSummedSimilarityWins() {
        // Against the query (1, 0), class 0 has cosines 1.0 and 0.5, class 1 has 0.9 and 0.9:
        // two votes each, and class 1 wins on its sum although class 0 holds the nearest row.
        float[][] train = {{1f, 0f}, {0.5f, 0.866f}, {0.9f, 0.4359f}, {0.9f, -0.4359f}, {-1f, 0f}};
        int[] labels = {0, 0, 1, 1, 2};

        ProbeResult result =
                new KnnProbe(4).evaluate(train, labels, new float[][] {{1f, 0f}}, new int[] {1});

        assertThat(result.correct()).isEqualTo(1);
    }

    @Test
    void evaluate_votesAndSimilaritiesTie_smallerClassWins() {
        // Both neighbours are orthogonal to the query: one vote each, summed cosine 0 each.
        float[][] train = {{0f, 1f}, {0f, -1f}, {-1f, 0f}};
        int[] labels = {4, 2, 0};

        ProbeResult result =
                new KnnProbe(2).evaluate(train, labels, new float[][] {{1f, 0f}}, new int[] {2});

        assertThat(result.correct()).isEqualTo(1);
    }

    @Test
    void evaluate_equallySimilarRows_earlierRowIsNearer() {
        float[][] train = {{0f, 1f}, {1f, 1f}, {1f, 1f}};
        int[] labels = {0, 3, 1};

        ProbeResult result =
                new KnnProbe(1).evaluate(train, labels, new float[][] {{5f, 5f}}, new int[] {3});

        assertThat(result.correct()).isEqualTo(1);
    }

    @Test
    void evaluate_fewerTrainingRowsThanK_throws() {
        float[][] train = {{1f}, {2f}, {3f}};

        assertThatThrownBy(() -> KnnProbe.defaults().evaluate(train, new int[3], train, new int[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kNN probe with k=5 needs at least 5 training rows, got 3");
    }

    @Test
    void constructor_kZero_throws() {
        assertThatThrownBy(() -> new KnnProbe(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kNN probe k must be at least 1, got 0");
    }

    @Test
    void evaluate_labelCountDiffers_throws() {
        float[][] train = {{1f}, {2f}};

        assertThatThrownBy(() -> new KnnProbe(1).evaluate(train, new int[3], train, new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kNN probe training labels: got 3 labels for 2 feature rows");
    }

    private static ProbeResult evaluate(KnnProbe probe, ProbeData train, ProbeData test) {
        return probe.evaluate(train.features(), train.labels(), test.features(), test.labels());
    }

    /** Each row times its own factor, drawn log-uniformly between 1/1000 and 1000. */
    private static float[][] scaleRows(float[][] rows, Random random) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float factor = (float) Math.pow(10, 6 * random.nextDouble() - 3);
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j] * factor;
            }
        }
        return out;
    }
}
