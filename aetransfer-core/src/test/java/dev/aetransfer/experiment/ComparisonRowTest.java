package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonRowTest {

    @Test
    void builder_unsetFigures_areNull() {
        ComparisonRow row = ComparisonRow.builder("raw-pixels", RowKind.BASELINE).build();

        assertThat(row.reconMse()).isNull();
        assertThat(row.trainableParams()).isNull();
        assertThat(row.seeds()).isEqualTo(1);
        assertThat(row.trainingMse()).isNaN();
    }

    @Test
    void trainingMse_heldOutMinusGap() {
        ComparisonRow row =
                ComparisonRow.builder("full", RowKind.STRATEGY)
                        .optReconMse(Stat.of(0.010))
                        .optOverfitGap(Stat.of(0.004))
                        .build();

        assertThat(row.trainingMse()).isCloseTo(0.006, within(1e-12));
    }

    @Test
    void build_probeAccuracyAboveOne_isRefusedNamingTheRow() {
        ComparisonRow.Builder row =
                ComparisonRow.builder("full", RowKind.STRATEGY).optProbeAccuracy(Stat.of(84.0));

        assertThatThrownBy(row::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comparison row full: probe accuracy must be in [0, 1], got 84.0");
    }

    @Test
    void build_noSeeds_isRefused() {
        ComparisonRow.Builder row = ComparisonRow.builder("full", RowKind.STRATEGY).optSeeds(0);

        assertThatThrownBy(row::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comparison row full: seeds must be at least 1, got 0");
    }

    @Test
    void build_negativeParameters_isRefused() {
        ComparisonRow.Builder row =
                ComparisonRow.builder("full", RowKind.STRATEGY).optTrainableParams(-1L);

        assertThatThrownBy(row::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comparison row full: trainable parameters must be 0 or more, got -1");
    }

    @Test
    void build_blankName_isRefused() {
        assertThatThrownBy(() -> ComparisonRow.builder(" ", RowKind.STRATEGY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a comparison row needs a name, got none");
    }
}
