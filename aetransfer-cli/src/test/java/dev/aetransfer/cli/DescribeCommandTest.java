package dev.aetransfer.cli;

import static dev.aetransfer.testing.DataFixtures.imageFolder;
import static dev.aetransfer.testing.DataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void describe_imageFolder_printsCountsShapeClassesAndStatistics() {
        imageFolder(dir, 4, 5, "cat", "dog");

        int code = run("data", "describe", "--data", dir.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("samples:  10 (train 8, test 2)")
                .contains("shape:    1x4x4 (channels x height x width)")
                .contains("classes:  2")
                .containsPattern("0  cat  +4  +1")
                .containsPattern("1  dog  +4  +1")
                .contains("pixels of the training split, in [0, 1]:")
                .containsPattern("grey +mean 0\\.\\d{4}  std 0\\.\\d{4}")
                .contains("split: stratified by class, 80%");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void describe_withSize_saysHowItResized() {
        imageFolder(dir, 6, 3, "a");

        int code = run("data", "describe", "--data", dir.toString(), "--size", "4");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("shape:    1x4x4")
                .contains("resize: shorter side to 4 pixels")
                .contains("centred 4x4 crop");
    }

    @Test
    void describe_sheet_writesAPng() throws IOException {
        imageFolder(dir.resolve("data"), 4, 3, "a", "b");
        Path sheet = dir.resolve("sheet.png");

        int code =
                run(
                        "data",
                        "describe",
                        "--data",
                        dir.resolve("data").toString(),
                        "--sheet",
                        sheet.toString());

        assertThat(code).isZero();
        BufferedImage image = ImageIO.read(sheet.toFile());
        assertThat(image.getWidth()).isGreaterThan(8 * 48);
        assertThat(out.toString()).contains("sheet:    " + sheet);
    }

    @Test
    void describe_vectors_printsValueStatistics() {
        Path csv = text(dir.resolve("v.csv"), "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");

        int code = run("data", "describe", "--data", csv.toString(), "--split", "0.5");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("samples:  4 (train 2, test 2)")
                .contains("vectors of 2 float values")
                .contains("values of the training split:");
    }

    @Test
    void describe_notAnImage_exitsTwoNamingTheFile() throws IOException {
        imageFolder(dir, 4, 2, "wood");
        Files.writeString(dir.resolve("wood/07.png"), "text");

        int code = run("data", "describe", "--data", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "error: cannot read image "
                                + dir.resolve("wood/07.png")
                                + ": not a PNG, JPEG or BMP file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void describe_skipBadInput_goesOn() throws IOException {
        imageFolder(dir, 4, 2, "wood");
        Files.writeString(dir.resolve("wood/07.png"), "text");

        int code = run("data", "describe", "--data", dir.toString(), "--on-bad-input", "skip");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("skipped: 1 unreadable files");
    }

    @Test
    void describe_missingPath_exitsTwoNamingIt() {
        Path missing = dir.resolve("missing");

        int code = run("data", "describe", "--data", missing.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("error: cannot read data from " + missing + ": no such file or folder");
    }

    @Test
    void describe_unknownClass_listsTheValidOnes() {
        imageFolder(dir, 4, 2, "cat", "dog");

        int code = run("data", "describe", "--data", dir.toString(), "--classes", "cow");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown class \"cow\" in --classes; choose from cat, dog or 0 to 1");
    }

    @Test
    void describe_perClassTooLarge_namesTheClass() {
        imageFolder(dir, 4, 5, "cat");

        int code = run("data", "describe", "--data", dir.toString(), "--per-class", "9");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "--per-class 9 is larger than class "
                                + "\"cat\", which has 4 training examples");
    }

    @Test
    void describe_withoutData_isAUsageError() {
        int code = run("data", "describe");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--data=PATH'");
    }

    @Test
    void data_withoutSubcommand_isAUsageError() {
        int code = run("data");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand");
    }
}
