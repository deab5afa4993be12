package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    private static final ProbeData TRAIN = ProbeData.clusters(150, 12, 3, 3.0, 1, 2);
    private static final ProbeData TEST = ProbeData.clusters(90, 12, 3, 3.0, 1, 3);

    @Test
    void evaluate_separableClusters_scoresNearOne() {
        ProbeResult result = evaluate(LinearProbe.defaults(), TRAIN, TEST);

        assertThat(result.total()).isEqualTo(90);
        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.majorityAccuracy()).isEqualTo(1.0 / 3);
    }

    @Test
    void evaluate_twoClasses_scoresNearOne() {
        ProbeData train = ProbeData.clusters(60, 5, 2, 3.0, 4, 5);
        ProbeData test = ProbeData.clusters(60, 5, 2, 3.0, 4, 6);

        assertThat(evaluate(LinearProbe.defaults(), train, test).accuracy())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void evaluate_moreFeaturesThanRows_scoresNearOneAndRepeats() {
        // 300 features for 60 rows: the dual solver's route, seeded.
        ProbeData train = ProbeData.clusters(60, 300, 3, 0.5, 9, 10);
        ProbeData test = ProbeData.clusters(90, 300, 3, 0.5, 9, 11);

        ProbeResult result = evaluate(new LinearProbe(1.0, 0, 42), train, test);

        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(evaluate(new LinearProbe(1.0, 0, 42), train, test)).isEqualTo(result);
    }

    @Test
    void evaluate_randomLabels_scoresNearChance() {
        // 4 classes: chance is 0.25 and the standard error over 400 rows about 0.022.
        ProbeData train = ProbeData.noise(200, 20, 4, 7);
        ProbeData test = ProbeData.noise(400, 20, 4, 8);

        assertThat(evaluate(LinearProbe.defaults(), train, test).accuracy()).isBetween(0.13, 0.37);
    }

    @Test
    void evaluate_crossValidatedC_separableClustersScoreNearOne() {
        ProbeResult result = evaluate(LinearProbe.crossValidated(3, 11), TRAIN, TEST);

        assertThat(result.accuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void evaluate_sameConfigTwice_givesSameResult() {
        ProbeData train = ProbeData.clusters(120, 8, 4, 0.8, 12, 13);
        ProbeData test = ProbeData.clusters(200, 8, 4, 0.8, 12, 14);

        ProbeResult fixed = evaluate(LinearProbe.withC(0.1), train, test);
        ProbeResult searched = evaluate(LinearProbe.crossValidated(4, 5), train, test);

        assertThat(evaluate(LinearProbe.withC(0.1), train, test)).isEqualTo(fixed);
        assertThat(evaluate(LinearProbe.crossValidated(4, 5), train, test)).isEqualTo(searched);
    }

    @Test
    void evaluate_featuresRescaledAndShifted_givesSameResult() {
        // Standardisation undoes a per-feature affine change of units.
        ProbeData train = ProbeData.clusters(120, 6, 3, 1.0, 15, 16);
        ProbeData test = ProbeData.clusters(120, 6, 3, 1.0, 15, 17);

        ProbeResult plain = evaluate(LinearProbe.defaults(), train, test);
        ProbeResult affine =
                LinearProbe.defaults()
                        .evaluate(
                                affine(train.features()),
                                train.labels(),
                                affine(test.features()),
                                test.labels());

        assertThat(affine).isEqualTo(plain);
    }

    @Test
    void evaluate_manyClasses_agreesWithLiblinearsOwnOneVsRest() {
        // Overlapping clusters of 5 classes leave many rows near a boundary, so a wrong model or a
        // wrong way of comparing the models' decision values would move the accuracy by far more
        // than 1 %.
        ProbeData train = ProbeData.clusters(300, 15, 5, 0.35, 21, 22);
        ProbeData test = ProbeData.clusters(500, 15, 5, 0.35, 21, 23);

        double probe = evaluate(LinearProbe.defaults(), train, test).accuracy();

        FeatureStandardiser standardiser = FeatureStandardiser.fit(train.features());
        Problem problem =
                LinearProbe.problem(standardiser.applyAsDouble(train.features()), train.labels());
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, 1.0, 0.01));
        double[][] held = standardiser.applyAsDouble(test.features());
        int correct = 0;
        for (int i = 0; i < held.length; i++) {
            if ((int) Linear.predict(model, LinearProbe.nodes(held[i])) == test.labels()[i]) {
                correct++;
            }
        }
        assertThat(probe)
                .isBetween(0.4, 0.9)
                .isCloseTo(correct / (double) held.length, within(0.01));
    }

    @Test
    void evaluate_oneTrainingClass_throws() {
        int[] labels = new int[TRAIN.labels().length];

        assertThatThrownBy(
                        () ->
                                LinearProbe.defaults()
                                        .evaluate(
                                                TRAIN.features(),
                                                labels,
                                                TEST.features(),
                                                TEST.labels()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "linear probe needs at least 2 classes in the training labels, got 1");
    }

    @Test
    void evaluate_unlabelledRow_throwsWithIndex() {
        int[] labels = TEST.labels().clone();
        labels[4] = -1;

        assertThatThrownBy(
                        () ->
                                LinearProbe.defaults()
                                        .evaluate(
                                                TRAIN.features(),
                                                TRAIN.labels(),
                                                TEST.features(),
                                                labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "linear probe held-out labels: label -1 at index 4 is not a class index");
    }

    @Test
    void evaluate_heldOutDimensionDiffers_throws() {
        assertThatThrownBy(
                        () ->
                                LinearProbe.defaults()
                                        .evaluate(
                                                TRAIN.features(),
                                                TRAIN.labels(),
                                                new float[][] {{1f, 2f}},
                                                new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "linear probe held-out features: rows have 2 values but the training"
                                + " rows have 12");
    }

    @Test
    void evaluate_moreFoldsThanRows_throws() {
        float[][] features = {{0f}, {1f}, {2f}};
        int[] labels = {0, 1, 0};

        assertThatThrownBy(
                        () ->
                                LinearProbe.crossValidated(5, 0)
                                        .evaluate(features, labels, features, labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear probe cannot make 5 folds of 3 training rows");
    }

    @Test
    void constructor_badValues_throw() {
        assertThatThrownBy(() -> LinearProbe.withC(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear probe C must be finite and positive, got 0.0");
        assertThatThrownBy(() -> LinearProbe.crossValidated(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "linear probe folds must be 0 (fixed C) or at least 2, got 1");
    }

    private static ProbeResult evaluate(LinearProbe probe, ProbeData train, ProbeData test) {
        return probe.evaluate(train.features(), train.labels(), test.features(), test.labels());
    }

    private static float[][] affine(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j] * (j + 1) * 4f + j * 10f;
            }
        }
        return out;
    }
}
