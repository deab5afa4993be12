package dev.aetransfer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aetransfer.Json;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model commands end to end on tiny built-in textures: exit codes, output and files. */
class ModelCommandsTest {

    private static final String SOURCE = "textures:source&n=60&size=16";
    private static final String TARGET = "textures:target&n=40&size=16";

    @TempDir static Path shared;
    private static Path pretrained;

    @TempDir Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @BeforeAll
    static void pretrain() {
        pretrained = shared.resolve("source.aet");
        int code =
                Main.run(
                        new String[] {
                            "pretrain",
                            "--data",
                            SOURCE,
                            "--latent",
                            "4",
                            "--epochs",
                            "1",
                            "--batch",
                            "16",
                            "--out",
                            pretrained.toString()
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
    }

    @Test
    void pretrain_savesTheModelAndSaysWhere() {
        Path model = dir.resolve("m.aet");

        int code =
                run(
                        "pretrain",
                        "--data",
                        SOURCE,
                        "--model",
                        "dense-ae",
                        "--latent",
                        "3",
                        "--epochs",
                        "2",
                        "--batch",
                        "16",
                        "--out",
                        model.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("saved " + model + ": dense-ae, input 3x16x16, latent 3, 2 epochs");
        assertThat(model).exists();
        assertThat(dir.resolve("m.metrics.csv")).exists();
        assertThat(dir.resolve("m.aet.checkpoints/epoch-0002.ckpt")).exists();
    }

    @Test
    void pretrain_refusesToReplaceAModel() throws IOException {
        Path model = Files.writeString(dir.resolve("m.aet"), "keep me");

        int code = run("pretrain", "--data", SOURCE, "--epochs", "1", "--out", model.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "error: "
                                + model
                                + " exists; choose another --out or "
                                + "pass --overwrite to replace it\n");
        assertThat(model).hasContent("keep me");
    }

    @Test
    void pretrain_unknownPreset_listsTheChoices() {
        int code =
                run(
                        "pretrain",
                        "--data",
                        SOURCE,
                        "--model",
                        "conv-gan",
                        "--out",
                        dir.resolve("m.aet").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "unknown model conv-gan; choose one of "
                                + "dense-ae, dense-vae, conv-ae, conv-vae");
    }

    @Test
    void finetune_writesAModelThatNamesItsParent() {
        Path tuned = dir.resolve("tuned.aet");

        int code =
                run(
                        "finetune",
                        "--pretrained",
                        pretrained.toString(),
                        "--data",
                        TARGET,
                        "--strategy",
                        "last-layer",
                        "--epochs",
                        "1",
                        "--batch",
                        "8",
                        "--out",
                        tuned.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("saved " + tuned + ": source.aet fine-tuned with last-layer, 1 epochs");
        try (Autoencoder model = ModelFile.load(tuned)) {
            assertThat(model.provenance().parent()).isEqualTo("source.aet");
            assertThat(model.provenance().strategy()).isEqualTo("last-layer");
        }
    }

    @Test
    void finetune_unknownStrategy_listsTheChoices() {
        int code =
                run(
                        "finetune",
                        "--pretrained",
                        pretrained.toString(),
                        "--data",
                        TARGET,
                        "--strategy",
                        "freeze-most",
                        "--out",
                        dir.resolve("t.aet").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "error: unknown strategy freeze-most; choose one of scratch, pretrained, "
                                + "freeze-encoder, last-layer, full, discriminative, gradual, "
                                + "adapters, freeze:GLOB\n");
    }

    @Test
    void finetune_globMatchingNoStage_listsTheStages() {
        int code =
                run(
                        "finetune",
                        "--pretrained",
                        pretrained.toString(),
                        "--data",
                        TARGET,
                        "--strategy",
                        "freeze:encoder.7",
                        "--epochs",
                        "1",
                        "--out",
                        dir.resolve("t.aet").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith(
                        "error: freeze:encoder.7 matches no stage; "
                                + "the stages are encoder.0, encoder.1, latent,");
    }

    @Test
    void finetune_fromAFileThatIsNotAModel_failsWithExitCode2() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.aet"), "hello");

        int code =
                run(
                        "finetune",
                        "--pretrained",
                        notes.toString(),
                        "--data",
                        TARGET,
                        "--strategy",
                        "full",
                        "--out",
                        dir.resolve("t.aet").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "error: cannot read model file "
                                + notes
                                + ": not a complete zip archive; it "
                                + "is truncated or not an .aet file\n");
    }

    @Test
    void finetune_dataOfAnotherShape_namesBothShapes_andAdaptInputConverts() {
        String grey = "textures:target&n=40&size=12";
        int refused =
                run(
                        "finetune",
                        "--pretrained",
                        pretrained.toString(),
                        "--data",
                        grey,
                        "--strategy",
                        "full",
                        "--epochs",
                        "1",
                        "--out",
                        dir.resolve("t.aet").toString());
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "has samples of shape 3x12x12 but the model takes "
                                + "3x16x16; convert them with --adapt-input resize");

        int adapted =
                run(
                        "finetune",
                        "--pretrained",
                        pretrained.toString(),
                        "--data",
                        grey,
                        "--adapt-input",
                        "resize",
                        "--strategy",
                        "full",
                        "--epochs",
                        "1",
                        "--out",
                        dir.resolve("t.aet").toString());
        assertThat(adapted).isZero();
    }

    @Test
    void inspect_withAStrategy_showsWhatTrains() {
        int code = run("inspect", "--model", pretrained.toString(), "--strategy", "freeze-encoder");

        assertThat(code).isZero();
        assertThat(out.toString())
                .containsPattern("encoder.0 +32x8x8 +\\d[\\d,]* +frozen")
                .containsPattern("decoder.out +3x16x16 +\\d[\\d,]* +yes +1.00")
                .containsPattern(
                        "strategy freeze-encoder: [\\d,]+ trainable and [\\d,]+ frozen parameters");
    }

    @Test
    void evaluate_json_hasTheFiguresOfBothSplits() throws IOException {
        int code = run("evaluate", "--model", pretrained.toString(), "--data", TARGET, "--json");

        assertThat(code).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        for (String split : List.of("train", "test")) {
            assertThat(report.path(split).path("mse").asDouble()).isBetween(0.0, 1.0);
            assertThat(report.path(split).path("kl").isNumber()).isTrue();
            assertThat(report.path(split).path("elbo").asDouble()).isNegative();
        }
        assertThat(report.path("overfit_gap").isNumber()).isTrue();
    }

    @Test
    void encode_writesCsvWithLabels_andNpy() throws IOException {
        Path csv = dir.resolve("f.csv");
        Path npy = dir.resolve("f.npy");

        assertThat(
                        run(
                                "encode",
                                "--model",
                                pretrained.toString(),
                                "--data",
                                TARGET,
                                "--out",
                                csv.toString()))
                .isZero();
        assertThat(
                        run(
                                "encode",
                                "--model",
                                pretrained.toString(),
                                "--data",
                                TARGET,
                                "--out",
                                npy.toString()))
                .isZero();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("split,label,z0,z1,z2,z3");
        assertThat(lines).hasSize(41);
        assertThat(lines.get(1)).matches("train,[a-z]+(,-?\\d[^,]*){4}");
        byte[] bytes = Files.readAllBytes(npy);
        assertThat(new String(bytes, 1, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("NUMPY");
        assertThat(new String(bytes, 10, 70, java.nio.charset.StandardCharsets.US_ASCII))
                .contains("'shape': (40, 5)");
    }

    @Test
    void encode_refusesAnUnknownFormat() {
        int code =
                run(
                        "encode",
                        "--model",
                        pretrained.toString(),
                        "--data",
                        TARGET,
                        "--out",
                        dir.resolve("f.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("error: --out " + dir.resolve("f.txt") + " must end in .csv or .npy\n");
    }

    @Test
    void reconstruct_writesOriginalsAboveReconstructions() throws IOException {
        Path grid = dir.resolve("grid.png");

        int code =
                run(
                        "reconstruct",
                        "--model",
                        pretrained.toString(),
                        "--data",
                        TARGET,
                        "--count",
                        "4",
                        "--out",
                        grid.toString());

        assertThat(code).isZero();
        BufferedImage image = ImageIO.read(grid.toFile());
        assertThat(image.getHeight()).isGreaterThan(2 * 48);
        assertThat(out.toString()).startsWith("wrote " + grid + ": 4 images");
    }

    @Test
    void version_printsTheVersions() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("aetransfer ").contains("DJL 0.36.0, PyTorch 2.7.1");
    }
}
