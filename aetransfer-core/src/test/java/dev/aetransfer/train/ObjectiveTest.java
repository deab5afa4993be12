package dev.aetransfer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aetransfer.DjlEngine;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    /**
     * Two samples of two values. Logits l and targets x; BCE per value is max(l,0) − l·x +
     * log(1+e^−|l|):
     *
     * <pre>
     * sample 0: l = (0, 2),  x = (0.5, 1) → ln 2 + (2 − 2 + ln(1+e^−2)) = 0.693147 + 0.126928
     * sample 1: l = (−1, 3), x = (0, 0.25) → (0 + ln(1+e^−1)) + (3 − 0.75 + ln(1+e^−3))
     *                                       = 0.313262 + 2.298587
     * </pre>
     *
     * Mean over the batch: (0.820075 + 2.611849) / 2 = 1.715962.
     *
     * <p>KL per sample with mean m and log-variance v: ½ Σ (m² + e^v − v − 1). Sample 0: m = (1,
     * 0), v = (0, ln 2) → ½ (1 + 0 + (2 − 0.693147 − 1)) = 0.653426. Sample 1: m = (0, 0), v = (0,
     * 0) → 0. Mean: 0.326713. With β·w = 0.5 the total is 1.715962 + 0.163357 = 1.879319.
     */
    @Test
    void compute_matchesAHandComputedCase() {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            var logits = manager.create(new float[] {0, 2, -1, 3}, new Shape(2, 2));
            var target = manager.create(new float[] {0.5f, 1, 0, 0.25f}, new Shape(2, 2));
            var mean = manager.create(new float[] {1, 0, 0, 0}, new Shape(2, 2));
            var logVar =
                    manager.create(new float[] {0, (float) Math.log(2), 0, 0}, new Shape(2, 2));
            Objective objective = new Objective(ReconstructionLoss.BCE, 1f, 0, 0f);

            Objective.Terms terms =
                    objective.compute(logits, target, new NDList(mean, logVar), 0.5f);

            assertThat(terms.reconstruction().getFloat()).isCloseTo(1.715962f, within(1e-5f));
            assertThat(terms.kl().getFloat()).isCloseTo(0.326713f, within(1e-5f));
            assertThat(terms.total().getFloat()).isCloseTo(1.879319f, within(1e-5f));
        }
    }

    @Test
    void compute_mseSumsSquaredErrorsPerSample() {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            var output = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            var target = manager.create(new float[] {0, 2, 3, 2}, new Shape(2, 2));
            Objective objective = new Objective(ReconstructionLoss.MSE, 1f, 0, 0f);

            Objective.Terms terms = objective.compute(output, target, null, 1f);

            // (1 + 0) and (0 + 4), averaged over two samples.
            assertThat(terms.total().getFloat()).isEqualTo(2.5f);
            assertThat(terms.kl()).isNull();
        }
    }

    @Test
    void freeBits_raiseEachDimensionsKlToTheFloor() {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            var output = manager.zeros(new Shape(2, 1));
            var mean = manager.create(new float[] {2, 0, 2, 0}, new Shape(2, 2));
            var logVar = manager.zeros(new Shape(2, 2));
            Objective objective = new Objective(ReconstructionLoss.MSE, 1f, 0, 0.5f);

            Objective.Terms terms = objective.compute(output, output, new NDList(mean, logVar), 1f);

            // Dimension 0 has KL ½·4 = 2 per sample, dimension 1 has 0, raised to 0.5.
            assertThat(terms.kl().getFloat()).isCloseTo(2.5f, within(1e-6f));
        }
    }

    @Test
    void klWeight_warmsUpLinearly() {
        Objective objective = new Objective(ReconstructionLoss.BCE, 2f, 4, 0f);
        assertThat(objective.klWeight(0)).isEqualTo(0.5f);
        assertThat(objective.klWeight(1)).isEqualTo(1f);
        assertThat(objective.klWeight(3)).isEqualTo(2f);
        assertThat(objective.klWeight(10)).isEqualTo(2f);
    }

    @Test
    void constructor_refusesNegativeBeta() {
        assertThatThrownBy(() -> new Objective(ReconstructionLoss.BCE, -1f, 0, 0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta must be finite and at least 0, got -1.0");
    }
}
