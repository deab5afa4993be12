package dev.aetransfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aetransfer.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void bench_json_printsOnlyAListOfFiguresOnStdout() throws Exception {
        int code =
                run(
                        "bench",
                        "--json",
                        "--seconds",
                        "0.05",
                        "--shape",
                        "1x8x8",
                        "--shape",
                        "3x8x8",
                        "--workload",
                        "encode",
                        "--latent",
                        "4");

        assertThat(code).isZero();
        JsonNode rows = Json.mapper().readTree(out.toString());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("workload").asText()).isEqualTo("encode");
        assertThat(rows.get(1).get("shape").asText()).isEqualTo("3x8x8");
        for (JsonNode row : rows) {
            assertThat(row.get("images_per_second").asDouble()).isPositive();
            assertThat(row.get("threads").asInt()).isPositive();
            assertThat(row.get("engine").asText()).startsWith("PyTorch ");
            assertThat(row.get("peak_rss_mib").isNumber() || row.get("peak_rss_mib").isTextual())
                    .isTrue();
        }
        assertThat(err.toString())
                .contains("threads=")
                .containsPattern("encode 1x8x8 images_per_second=\\d+\\.\\d")
                .contains("peak_rss_mib=");
    }

    @Test
    void bench_plain_printsOneLinePerWorkloadAndShape() {
        int code =
                run("bench", "--seconds", "0.05", "--shape", "1x8x8", "--workload", "train-full");

        assertThat(code).isZero();
        assertThat(out.toString())
                .containsPattern("(?m)^engine=PyTorch \\S+$")
                .containsPattern("(?m)^threads=\\d+$")
                .containsPattern("(?m)^train-full 1x8x8 images_per_second=\\d+\\.\\d$")
                .containsPattern("(?m)^peak_rss_mib=(\\d+\\.\\d|unavailable)$");
    }

    @Test
    void bench_badShapeOrWorkload_exitsTwoAndSaysWhy() {
        assertThat(run("bench", "--shape", "32x32")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--shape must be CxHxW with positive integers, e.g. 1x32x32, got 32x32");

        assertThat(run("bench", "--workload", "train")).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "--workload train: choose one of train-full, train-freeze-encoder,"
                                + " train-freeze-encoder-cached, encode");

        assertThat(run("bench", "--seconds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--seconds must be positive, got 0.0");
    }
}
