package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.SampleShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonResultTest {

    private static final String UNKNOWN_CURVE =
            "a loss curve names gradual, which is not a comparison row; rows are [full]";
    private static final String EPOCHS_DIFFER =
            "loss curve full: 2 training losses but 1 held-out losses, want one of each per epoch";
    private static final String SHORT_IMAGE =
            "reconstruction grid: image 1 of the originals has 3 values, want 4 for 1x2x2";

    private static final ComparisonContext CONTEXT =
            new ComparisonContext("textures:target", "source.aet", 1, 2, 3.5, 40, 10, List.of("a"));

    @Test
    void build_rows_decidesTheRecommendation() {
        ComparisonResult result =
                builder()
                        .addRow(strategy("full", 0.010))
                        .addRow(strategy("last-layer", 0.020))
                        .addCurve(
                                new LossCurve(
                                        "full",
                                        new double[] {2, 1},
                                        new double[] {2.5, Double.NaN}))
                        .build();

        assertThat(result.recommended()).isEqualTo("full");
        assertThat(result.objective()).isEqualTo(ComparisonObjective.RECON);
        assertThat(result.reason()).startsWith("full has the lowest held-out reconstruction MSE");
        assertThat(result.row("last-layer").reconMse().mean()).isEqualTo(0.020);
        assertThat(result.row("scratch")).isNull();
        assertThat(result.grid()).isNull();
    }

    @Test
    void build_withoutObjective_isMisuse() {
        ComparisonResult.Builder builder =
                ComparisonResult.builder().setContext(CONTEXT).addRow(strategy("full", 0.01));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "set the context and the objective before building a comparison result");
    }

    @Test
    void build_repeatedRowName_isRefused() {
        ComparisonResult.Builder builder =
                builder().addRow(strategy("full", 0.01)).addRow(strategy("full", 0.02));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comparison row full appears twice");
    }

    @Test
    void build_curveForAnUnknownRow_isRefused() {
        ComparisonResult.Builder builder =
                builder()
                        .addRow(strategy("full", 0.01))
                        .addCurve(new LossCurve("gradual", new double[] {1}, new double[] {1}));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(UNKNOWN_CURVE);
    }

    @Test
    void lossCurve_lengthsDiffer_isRefused() {
        assertThatThrownBy(() -> new LossCurve("full", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(EPOCHS_DIFFER);
    }

    @Test
    void reconstructionGrid_missingReconstruction_isRefused() {
        SampleShape shape = new SampleShape(1, 2, 2);
        List<float[]> originals = List.of(new float[4], new float[4]);

        assertThatThrownBy(
                        () ->
                                new ReconstructionGrid(
                                        shape, originals, Map.of("full", List.of(new float[4]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reconstruction grid: full has 1 reconstructions for 2 originals");
    }

    @Test
    void reconstructionGrid_wrongImageSize_isRefused() {
        SampleShape shape = new SampleShape(1, 2, 2);

        assertThatThrownBy(() -> new ReconstructionGrid(shape, List.of(new float[3]), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(SHORT_IMAGE);
    }

    @Test
    void reconstructionGrid_isACopy() {
        SampleShape shape = new SampleShape(1, 1, 2);
        float[] original = {0.25f, 0.5f};
        ReconstructionGrid grid =
                new ReconstructionGrid(
                        shape, List.of(original), Map.of("pca", List.of(new float[2])));

        original[0] = 1;
        grid.original(0)[1] = 1;

        assertThat(grid.original(0)).containsExactly(0.25f, 0.5f);
        assertThat(grid)
                .isEqualTo(
                        new ReconstructionGrid(
                                shape,
                                List.of(new float[] {0.25f, 0.5f}),
                                Map.of("pca", List.of(new float[2]))));
    }

    private static ComparisonResult.Builder builder() {
        return ComparisonResult.builder()
                .setContext(CONTEXT)
                .setObjective(ComparisonObjective.RECON);
    }

    private static ComparisonRow strategy(String name, double mse) {
        return ComparisonRow.builder(name, RowKind.STRATEGY).optReconMse(Stat.of(mse)).build();
    }
}
