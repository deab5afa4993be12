package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static final String SCRATCH_PROBES_WORST =
            "scratch reconstructs best (MSE 0.00600 ± 0.00030) but probes worst (45.0 ± 2.0%)";
    private static final String PROBE_HINT =
            "If the latent features matter, use --objective probe.";
    private static final String NO_LABELS =
            "The target has no labels, so strategies are ranked by held-out reconstruction MSE.";
    private static final String ONE_SEED =
            "With one seed, close strategies cannot be told from noise; run --seeds 3 or more.";
    private static final String ONLY_BASELINES =
            "cannot recommend a strategy: the comparison has no strategy rows, only [pca]";

    /** A small target where scratch reconstructs best but its features probe worst. */
    private static final List<ComparisonRow> SMALL_TARGET =
            List.of(
                    strategy("scratch")
                            .optReconMse(new Stat(0.0060, 0.0003))
                            .optProbeAccuracy(new Stat(0.45, 0.02))
                            .optOverfitGap(new Stat(0.0035, 0.0004))
                            .build(),
                    strategy("freeze-encoder")
                            .optReconMse(new Stat(0.0120, 0.0005))
                            .optProbeAccuracy(new Stat(0.84, 0.01))
                            .optOverfitGap(new Stat(0.0008, 0.0002))
                            .build(),
                    strategy("full")
                            .optReconMse(new Stat(0.0090, 0.0004))
                            .optProbeAccuracy(new Stat(0.79, 0.015))
                            .optOverfitGap(new Stat(0.0012, 0.0002))
                            .build(),
                    baseline("pca")
                            .optReconMse(new Stat(0.0150, 0.0))
                            .optProbeAccuracy(new Stat(0.72, 0.01))
                            .build(),
                    baseline("raw-pixels").optProbeAccuracy(new Stat(0.64, 0.0)).build());

    @Test
    void decide_probe_scratchReconstructsBestButProbesWorst_recommendsTheBestProber() {
        Recommendation recommendation =
                Recommendation.decide(SMALL_TARGET, ComparisonObjective.PROBE);

        assertThat(recommendation.objective()).isEqualTo(ComparisonObjective.PROBE);
        assertThat(recommendation.recommended()).isEqualTo("freeze-encoder");
        assertThat(recommendation.indistinguishable()).isEmpty();
        assertThat(recommendation.overfitting()).containsExactly("scratch");
        assertThat(recommendation.reason())
                .isEqualTo(
                        """
                        freeze-encoder has the highest linear-probe accuracy, 84.0 ± 1.0%. \
                        On probe accuracy it beats scratch (45.0 ± 2.0%), pca (72.0 ± 1.0%) \
                        and raw-pixels (64.0 ± 0.0%).""");
        assertThat(recommendation.notes())
                .anySatisfy(
                        note ->
                                assertThat(note)
                                        .startsWith(SCRATCH_PROBES_WORST)
                                        .contains("a low reconstruction error misleads here")
                                        .doesNotContain("--objective probe"));
    }

    @Test
    void decide_bestReconstructorTiedForTheWorstProbe_isNotFlagged() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("pretrained")
                                .optReconMse(new Stat(0.0250, 0.0))
                                .optProbeAccuracy(new Stat(0.567, 0.0))
                                .build(),
                        strategy("freeze-encoder")
                                .optReconMse(new Stat(0.0249, 0.0))
                                .optProbeAccuracy(new Stat(0.567, 0.0))
                                .build(),
                        strategy("full")
                                .optReconMse(new Stat(0.0260, 0.0))
                                .optProbeAccuracy(new Stat(0.600, 0.0))
                                .build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.recommended()).isEqualTo("full");
        assertThat(recommendation.overfitting()).isEmpty();
    }

    @Test
    void decide_recon_scratchReconstructsBest_recommendsItAndPointsToTheProbeObjective() {
        Recommendation recommendation =
                Recommendation.decide(SMALL_TARGET, ComparisonObjective.RECON);

        assertThat(recommendation.recommended()).isEqualTo("scratch");
        assertThat(recommendation.reason())
                .startsWith(
                        "scratch has the lowest held-out reconstruction MSE, 0.00600 ± 0.00030.")
                .contains("On held-out MSE it beats pca (0.0150 ± 0.0000).");
        assertThat(recommendation.notes())
                .anySatisfy(note -> assertThat(note).contains("probes worst").endsWith(PROBE_HINT));
    }

    @Test
    void decide_overfitGapLargeRelativeToTrainingMse_flagsItWithTheRatio() {
        Recommendation recommendation =
                Recommendation.decide(SMALL_TARGET, ComparisonObjective.PROBE);

        // scratch trains to 0.0025 and holds out at 0.0060: 140% above; full is 15% above.
        assertThat(recommendation.notes())
                .contains(
                        """
                        scratch overfits the target: its held-out MSE is 140% above its \
                        training MSE (0.00600 against 0.00250).""");
        assertThat(recommendation.notes()).noneMatch(note -> note.startsWith("full overfits"));
    }

    @Test
    void decide_leaderWithinNoise_saysWhichStrategiesAreIndistinguishable() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("freeze-encoder")
                                .optReconMse(new Stat(0.011, 0.0005))
                                .optProbeAccuracy(new Stat(0.84, 0.02))
                                .build(),
                        strategy("gradual")
                                .optReconMse(new Stat(0.012, 0.0005))
                                .optProbeAccuracy(new Stat(0.83, 0.02))
                                .build(),
                        strategy("last-layer")
                                .optReconMse(new Stat(0.016, 0.0005))
                                .optProbeAccuracy(new Stat(0.70, 0.02))
                                .build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.recommended()).isEqualTo("freeze-encoder");
        assertThat(recommendation.indistinguishable()).containsExactly("gradual");
        assertThat(recommendation.reason())
                .isEqualTo(
                        """
                        freeze-encoder has the highest linear-probe accuracy, 84.0 ± 2.0%, \
                        but gradual (83.0 ± 2.0%) is within noise of it.""");
    }

    @Test
    void decide_runnerUpWithinNoiseReconstructsBetter_isPreferredAndTheReasonSaysWhy() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("full")
                                .optReconMse(new Stat(0.0110, 0.0005))
                                .optProbeAccuracy(new Stat(0.85, 0.03))
                                .build(),
                        strategy("freeze-encoder")
                                .optReconMse(new Stat(0.0090, 0.0005))
                                .optProbeAccuracy(new Stat(0.84, 0.02))
                                .build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.recommended()).isEqualTo("freeze-encoder");
        assertThat(recommendation.indistinguishable()).containsExactly("full");
        assertThat(recommendation.reason())
                .isEqualTo(
                        """
                        freeze-encoder is within noise of the highest linear-probe accuracy \
                        (84.0 ± 2.0%, against 85.0 ± 3.0% for full) and has a lower held-out \
                        MSE than full (0.00900 ± 0.00050 against 0.0110 ± 0.0005).""");
    }

    @Test
    void decide_leaderOverfitsAndRunnerUpWithinNoiseDoesNot_prefersTheRunnerUp() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("full")
                                .optReconMse(new Stat(0.0100, 0.0005))
                                .optProbeAccuracy(new Stat(0.85, 0.03))
                                .optOverfitGap(new Stat(0.0060, 0.0005))
                                .build(),
                        strategy("freeze-encoder")
                                .optReconMse(new Stat(0.0120, 0.0005))
                                .optProbeAccuracy(new Stat(0.84, 0.02))
                                .optOverfitGap(new Stat(0.0010, 0.0002))
                                .build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.recommended()).isEqualTo("freeze-encoder");
        assertThat(recommendation.overfitting()).containsExactly("full");
        assertThat(recommendation.reason()).endsWith("and does not overfit as full does.");
    }

    @Test
    void decide_differenceBeyondPooledStd_isNotATie() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("adapters").optProbeAccuracy(new Stat(0.80, 0.01)).build(),
                        strategy("freeze-encoder").optProbeAccuracy(new Stat(0.84, 0.01)).build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.recommended()).isEqualTo("freeze-encoder");
        assertThat(recommendation.indistinguishable()).isEmpty();
    }

    @Test
    void decide_baselineProbesBetterThanEveryStrategy_saysTransferDoesNotPayOff() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("freeze-encoder")
                                .optReconMse(new Stat(0.012, 0.001))
                                .optProbeAccuracy(new Stat(0.80, 0.01))
                                .build(),
                        baseline("pca")
                                .optReconMse(new Stat(0.015, 0.0))
                                .optProbeAccuracy(new Stat(0.90, 0.01))
                                .build(),
                        baseline("raw-pixels").optProbeAccuracy(new Stat(0.805, 0.01)).build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.reason())
                .endsWith(
                        """
                        On probe accuracy it is within noise of raw-pixels (80.5 ± 1.0%) and \
                        falls behind pca (90.0 ± 1.0%), so no strategy beats the pca baseline \
                        on this target.""");
    }

    @Test
    void decide_noLabels_fallsBackToReconAndSaysSo() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("full").optReconMse(new Stat(0.010, 0.001)).build(),
                        strategy("last-layer").optReconMse(new Stat(0.014, 0.001)).build(),
                        baseline("pca").optReconMse(new Stat(0.015, 0.0)).build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.PROBE);

        assertThat(recommendation.objective()).isEqualTo(ComparisonObjective.RECON);
        assertThat(recommendation.recommended()).isEqualTo("full");
        assertThat(recommendation.notes()).containsExactly(NO_LABELS);
    }

    @Test
    void decide_oneSeed_notesThatNoiseIsUnknown() {
        List<ComparisonRow> rows =
                List.of(
                        strategy("full").optReconMse(Stat.of(0.010)).optSeeds(1).build(),
                        strategy("gradual").optReconMse(Stat.of(0.011)).optSeeds(1).build());

        Recommendation recommendation = Recommendation.decide(rows, ComparisonObjective.RECON);

        assertThat(recommendation.reason())
                .isEqualTo("full has the lowest held-out reconstruction MSE, 0.0100.");
        assertThat(recommendation.notes()).containsExactly(ONE_SEED);
    }

    @Test
    void decide_onlyBaselines_refusesAndNamesTheRows() {
        List<ComparisonRow> rows = List.of(baseline("pca").optReconMse(Stat.of(0.01)).build());

        assertThatThrownBy(() -> Recommendation.decide(rows, ComparisonObjective.RECON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(ONLY_BASELINES);
    }

    private static ComparisonRow.Builder strategy(String name) {
        return ComparisonRow.builder(name, RowKind.STRATEGY).optSeeds(3).optTrainableParams(1000L);
    }

    private static ComparisonRow.Builder baseline(String name) {
        return ComparisonRow.builder(name, RowKind.BASELINE).optSeeds(3);
    }
}
