package dev.aetransfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aetransfer.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} and {@code demo --quick} end to end on small built-in textures. */
class CompareCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void demoQuick_printsTheTableAndTheRecommendation_andWritesTheReport() throws IOException {
        Path demo = dir.resolve("demo");

        int code = run("demo", "--quick", "--out", demo.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("freeze-encoder", "discriminative", "adapters", "pca", "raw-pixels")
                .contains("Recommended (objective probe): ")
                .contains("report: " + demo.resolve("report.html"));
        assertThat(err.toString()).contains("compare [8/8] adapters, seed 1");
        JsonNode results = Json.mapper().readTree(demo.resolve("results.json").toFile());
        assertThat(results.path("objective").asText()).isEqualTo("probe");
        assertThat(results.path("rows")).hasSize(10);
        for (JsonNode row : results.path("rows")) {
            assertThat(row.has("recon_mse")).isTrue();
            assertThat(row.has("probe_accuracy_std")).isTrue();
            assertThat(row.path("kind").asText()).isIn("strategy", "baseline");
        }
        String html = Files.readString(demo.resolve("report.html"));
        assertThat(html).contains("data:image/png;base64,").doesNotContain("http://", "https://");
        assertThat(demo.resolve("results.csv")).exists();

        // A second run reuses the finished pretraining instead of refusing its checkpoints.
        assertThat(run("demo", "--quick", "--out", demo.toString())).isZero();
    }

    @Test
    void compare_unknownObjective_listsTheChoices() {
        int code =
                run(
                        "compare",
                        "--pretrained",
                        "missing.aet",
                        "--data",
                        "textures:target",
                        "--objective",
                        "speed",
                        "--out",
                        dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("error: --objective: unknown value speed; choose one of probe, recon\n");
    }

    @Test
    void compare_missingPretrainedModel_namesIt() {
        Path missing = dir.resolve("missing.aet");

        int code =
                run(
                        "compare",
                        "--pretrained",
                        missing.toString(),
                        "--data",
                        "textures:target&n=40&size=16",
                        "--out",
                        dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("error: cannot read model file " + missing + ": no such file\n");
    }
}
