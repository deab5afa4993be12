package dev.aetransfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aetransfer.Json;
import dev.aetransfer.testing.RealData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real case: pretrain on Fashion-MNIST's classes 0 to 4, then compare every strategy on classes
 * 5 to 9 with 100 training images per class, measured on the test images of those classes. Prints
 * the table into the test output.
 */
@Tag("real-data")
class FashionMnistCompareTest {

    @TempDir Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void transferToUnseenClasses_givesFiniteFigures_andFeaturesFarAboveChance() throws IOException {
        String data = RealData.fashionMnist().toString();
        Path model = dir.resolve("fmnist-0-4.aet");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int pretrained =
                run(
                        out,
                        err,
                        "pretrain",
                        "--data",
                        data,
                        "--classes",
                        "0,1,2,3,4",
                        "--model",
                        "conv-vae",
                        "--latent",
                        "16",
                        "--epochs",
                        "1",
                        "--out",
                        model.toString());
        assertThat(pretrained).as(err.toString()).isZero();

        out.getBuffer().setLength(0);
        Path results = dir.resolve("compare");
        int compared =
                run(
                        out,
                        err,
                        "compare",
                        "--pretrained",
                        model.toString(),
                        "--data",
                        data,
                        "--classes",
                        "5,6,7,8,9",
                        "--per-class",
                        "100",
                        "--seeds",
                        "2",
                        "--epochs",
                        "5",
                        "--out",
                        results.toString());
        System.out.println(out);
        assertThat(compared).as(err.toString()).isZero();

        JsonNode report = Json.mapper().readTree(results.resolve("results.json").toFile());
        assertThat(report.path("rows")).hasSize(10);
        for (JsonNode row : report.path("rows")) {
            String name = row.path("name").asText();
            for (String figure : List.of("probe_accuracy", "knn_accuracy")) {
                assertThat(row.path(figure).isNumber()).as("%s %s", name, figure).isTrue();
                assertThat(row.path(figure).asDouble())
                        .as("%s %s", name, figure)
                        .isBetween(0.0, 1.0);
            }
            if (!name.equals("raw-pixels")) {
                assertThat(Double.isFinite(row.path("recon_mse").asDouble())).as(name).isTrue();
                assertThat(row.path("psnr").isNumber()).as(name).isTrue();
                assertThat(row.path("ssim").isNumber()).as(name).isTrue();
            }
        }
        // Five classes: chance is 20 %. Encoders pretrained on other classes separate these.
        for (String frozen : List.of("pretrained", "freeze-encoder", "last-layer")) {
            JsonNode row = find(report, frozen);
            assertThat(row.path("probe_accuracy").asDouble()).as(frozen).isGreaterThan(0.6);
        }
    }

    private static JsonNode find(JsonNode report, String name) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }
}
