package dev.aetransfer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.aetransfer.Json;
import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonObjective;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.LatentProjection;
import dev.aetransfer.experiment.RowKind;
import dev.aetransfer.experiment.Stat;
import dev.aetransfer.testing.CraftedComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

    /** The keys results.json promises for every row. */
    private static final List<String> SCHEMA =
            List.of(
                    "name",
                    "kind",
                    "recon_mse",
                    "recon_mse_std",
                    "psnr",
                    "ssim",
                    "probe_accuracy",
                    "probe_accuracy_std",
                    "knn_accuracy",
                    "overfit_gap",
                    "trainable_params",
                    "train_seconds",
                    "seeds");

    /** A sample report kept under target/ to look at, as bench/screenshot-report.sh does. */
    static final Path SAMPLE = Path.of("target", "report-sample");

    @TempDir static Path directory;
    private static ComparisonResult result;
    private static ComparisonReport.ReportFiles files;

    @BeforeAll
    static void writeReport() throws IOException {
        result = CraftedComparison.probe(7);
        files = ComparisonReport.write(result, directory);
        ComparisonReport.write(result, SAMPLE);
        Files.writeString(SAMPLE.resolve("table.txt"), TerminalTable.render(result));
    }

    @Test
    void write_craftedComparison_writesTheThreeFiles() {
        assertThat(files.json()).isRegularFile().hasFileName("results.json");
        assertThat(files.csv()).isRegularFile().hasFileName("results.csv");
        assertThat(files.html()).isRegularFile().hasFileName("report.html");
        assertThat(directory.toFile().list())
                .containsExactlyInAnyOrder("results.json", "results.csv", "report.html");
    }

    @Test
    void resultsJson_everyRow_hasTheSchemaKeys() throws IOException {
        JsonNode root = Json.mapper().readTree(files.json().toFile());

        assertThat(root.get("objective").asText()).isEqualTo("probe");
        assertThat(root.get("recommended").asText()).isEqualTo(result.recommended());
        JsonNode rows = root.get("rows");
        assertThat(rows).hasSize(11);
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsAll(SCHEMA);
            assertThat(row.get("kind").asText()).isIn("strategy", "baseline");
            assertThat(row.get("seeds").asInt()).isEqualTo(CraftedComparison.SEEDS);
        }
        assertThat(rows.get(0).get("name").asText()).isEqualTo("scratch");
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("strategy");
        assertThat(rows.get(0).get("recon_mse").isNumber()).isTrue();
    }

    @Test
    void resultsJson_figuresThatDoNotApply_areNull() throws IOException {
        JsonNode root = Json.mapper().readTree(files.json().toFile());
        JsonNode raw = row(root, "raw-pixels");
        JsonNode pca = row(root, "pca");
        JsonNode pretrained = row(root, "pretrained");

        assertThat(raw.get("kind").asText()).isEqualTo("baseline");
        for (String key :
                List.of(
                        "recon_mse",
                        "recon_mse_std",
                        "psnr",
                        "ssim",
                        "overfit_gap",
                        "train_seconds")) {
            assertThat(raw.get(key).isNull()).as(key).isTrue();
        }
        assertThat(raw.get("trainable_params").isNull()).isTrue();
        assertThat(raw.get("probe_accuracy").isNumber()).isTrue();
        assertThat(pca.get("elbo").isNull()).isTrue();
        assertThat(pca.get("trainable_params").asLong()).isZero();
        assertThat(pretrained.get("trainable_params").asLong()).isZero();
    }

    @Test
    void resultsJson_context_saysWhatTheComparisonRanOn() throws IOException {
        JsonNode context = Json.mapper().readTree(files.json().toFile()).get("context");

        assertThat(context.get("data").asText()).isEqualTo("textures:target&n=600");
        assertThat(context.get("pretrained_model").asText()).isEqualTo("source.aet");
        assertThat(context.get("labelled").asBoolean()).isTrue();
        assertThat(context.get("train_size").asInt()).isEqualTo(480);
    }

    @Test
    void resultsCsv_rows_matchTheJsonWithEmptyCellsForNulls() throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> lines =
                mapper.readerFor(String[].class)
                        .<String[]>readValues(files.csv().toFile())
                        .readAll();

        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).containsExactlyElementsOf(ResultsCsv.header());
        assertThat(List.of(lines.get(0))).containsAll(SCHEMA);
        String[] raw = lines.get(11);
        int mse = ResultsCsv.header().indexOf("recon_mse");
        int probe = ResultsCsv.header().indexOf("probe_accuracy");
        assertThat(raw[0]).isEqualTo("raw-pixels");
        assertThat(raw[mse]).isEmpty();
        assertThat(Double.parseDouble(raw[probe]))
                .isEqualTo(result.row("raw-pixels").probeAccuracy().mean());
        assertThat(lines.get(9)[0]).isEqualTo("freeze:encoder.*");
    }

    @Test
    void reportHtml_makesNoExternalRequests() throws IOException {
        String html = Files.readString(files.html());

        assertThat(html).doesNotContain("http://", "https://", "<link", "<script", "@import");
        assertThat(html).doesNotContainPattern("url\\((?!data:)");
        Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (sources.find()) {
            assertThat(sources.group(1)).startsWith("data:image/png;base64,");
            images++;
        }
        // 1 trade-off chart, 8 loss curves, 1 reconstruction grid, 10 projections.
        assertThat(images).isEqualTo(1 + 8 + 1 + 10);
    }

    @Test
    void reportHtml_leadsWithTheRecommendationThenTheTable() throws IOException {
        String html = Files.readString(files.html());

        int pick = html.indexOf("Use <code>" + result.recommended() + "</code>");
        int table = html.indexOf("<table class=\"results\">");
        assertThat(pick).isPositive();
        assertThat(table).isGreaterThan(pick);
        assertThat(html).contains(HtmlReport.escape(result.reason()));
        for (String section :
                Set.of(
                        "Loss curves",
                        "Reconstructions",
                        "Latent space",
                        "Reconstruction against")) {
            assertThat(html).contains("<h2>" + section);
        }
        assertThat(html).contains("freeze:encoder.*", "raw-pixels", "honeycomb");
    }

    @Test
    void render_unlabelledSingleSeedWithoutImages_leavesOutWhatDoesNotApply() {
        ComparisonResult unlabelled =
                ComparisonResult.builder()
                        .setObjective(ComparisonObjective.PROBE)
                        .setContext(
                                new ComparisonContext(
                                        "vectors.csv", "m.aet", 1, 5, 12, 90, 30, List.of()))
                        .addRow(
                                ComparisonRow.builder("last-layer", RowKind.STRATEGY)
                                        .optReconMse(Stat.of(0.02))
                                        .build())
                        .addRow(
                                ComparisonRow.builder("pca", RowKind.BASELINE)
                                        .optReconMse(Stat.of(0.03))
                                        .build())
                        .addProjection(
                                LatentProjection.of(
                                        "last-layer",
                                        new float[][] {{0, 1}, {1, 0}, {1, 1}},
                                        new int[] {-1, -1, -1},
                                        List.of()))
                        .build();

        String html = HtmlReport.render(unlabelled);

        assertThat(html)
                .contains("no trade-off to draw")
                .contains("<code>--objective recon</code>")
                .contains("The target has no labels")
                .contains("One seed.")
                .doesNotContain("<h2>Reconstructions", "<h2>Loss curves", "<th>ELBO")
                .contains("<h2>Latent space");
        assertThat(html.split("<img ", -1)).hasSize(2);
    }

    @Test
    void escape_markup_isNeutralised() {
        assertThat(HtmlReport.escape("<b>\"a\" & 'b'</b>"))
                .isEqualTo("&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
    }

    private static JsonNode row(JsonNode root, String name) {
        for (JsonNode row : root.get("rows")) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }
}
