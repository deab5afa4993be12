package dev.aetransfer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonObjective;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.RowKind;
import dev.aetransfer.experiment.Stat;
import dev.aetransfer.testing.CraftedComparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTableTest {

    @Test
    void render_nineStrategiesOverThreeSeeds_fitsIn120Columns() {
        ComparisonResult result = CraftedComparison.probe(7);
        String text = TerminalTable.render(result);
        List<String> lines = text.lines().toList();

        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        for (ComparisonRow row : result.rows()) {
            assertThat(line(lines, " " + row.name() + " ")).contains("±");
        }
    }

    @Test
    void render_craftedComparison_marksBestValuesAndTheRecommendation() {
        ComparisonResult result = CraftedComparison.probe(7);
        String text = TerminalTable.render(result);
        List<String> lines = text.lines().toList();

        String pick = line(lines, " " + result.recommended() + " ");
        assertThat(pick).startsWith(">");
        // scratch has the lowest MSE and is flagged; its MSE cell carries the best-value mark.
        String scratch = line(lines, " scratch ");
        assertThat(scratch).startsWith(" !");
        assertThat(scratch.split("\\s+")[3]).isEqualTo("0.0066±0.0003*");
        assertThat(line(lines, " raw-pixels ")).contains("—");
        assertThat(text)
                .contains("Recommended (objective probe): " + result.recommended())
                .contains("baselines")
                .contains("mean±std over 3 seeds");
    }

    @Test
    void render_recommendation_wrapsTheReasonAndListsNotes() {
        ComparisonResult result = CraftedComparison.probe(7);
        String text = TerminalTable.render(result);
        int reason = text.indexOf("Recommended (objective");

        assertThat(text.substring(reason).lines())
                .allSatisfy(
                        line -> assertThat(line.length()).isLessThanOrEqualTo(TerminalTable.WIDTH));
        assertThat(text.substring(reason).replaceAll("\\s+", " "))
                .contains(result.reason())
                .contains("- scratch reconstructs best");
    }

    @Test
    void render_oneSeed_showsMeansWithoutSpread() {
        ComparisonResult result =
                ComparisonResult.builder()
                        .setObjective(ComparisonObjective.RECON)
                        .setContext(
                                new ComparisonContext(
                                        "data/wood", "m.aet", 1, 3, 9, 40, 10, List.of()))
                        .addRow(
                                ComparisonRow.builder("full", RowKind.STRATEGY)
                                        .optReconMse(Stat.of(0.0123))
                                        .optTrainableParams(1_234_567L)
                                        .optTrainSeconds(Stat.of(4.2))
                                        .build())
                        .addRow(
                                ComparisonRow.builder("pca", RowKind.BASELINE)
                                        .optReconMse(Stat.of(0.02))
                                        .optTrainableParams(0L)
                                        .build())
                        .build();

        String text = TerminalTable.render(result);

        assertThat(text).doesNotContain("±").contains("1.23M").contains("0.0123*");
        assertThat(text).startsWith("data/wood: 40 training and 10 held-out samples, no labels;");
    }

    private static String line(List<String> lines, String containing) {
        return lines.stream()
                .filter(line -> line.contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing));
    }
}
