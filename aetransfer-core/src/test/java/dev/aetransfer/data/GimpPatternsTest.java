package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.pattern;
import static dev.aetransfer.testing.DataFixtures.writeMaybeGzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GimpPatternsTest {

    private static final String TOO_FEW_PIXELS =
            "cannot read pattern %s: header says 4x4, 3 bytes per pixel (48 bytes); file has 38";
    private static final String TOO_SHORT =
            "cannot read pattern %s: 10 bytes are too few for a pattern header of 24 bytes";
    private static final String TRAINING_ONLY =
            "split: 1 images too small for two regions gave training patches only: warning.pat";

    @TempDir Path dir;

    @Test
    void decode_rgba_dropsAlphaAndPlanesTheChannels() {
        // 2x1 pixels: (1, 2, 3, 255) and (4, 5, 6, 0).
        byte[] pixels = {1, 2, 3, (byte) 255, 4, 5, 6, 0};
        Path file = dir.resolve("p.pat");
        writeMaybeGzipped(file, pattern(2, 1, 4, pixels));

        DecodedImage image = GimpPatterns.decode(file);

        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.width()).isEqualTo(2);
        assertThat(image.height()).isEqualTo(1);
        assertThat(image.pixels()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void decode_greyAndAlpha_keepsGrey() {
        byte[] pixels = {10, (byte) 255, 20, 0, 30, 1, 40, 2};
        Path file = dir.resolve("p.pat");
        writeMaybeGzipped(file, pattern(2, 2, 2, pixels));

        DecodedImage image = GimpPatterns.decode(file);

        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.pixels()).containsExactly(10, 20, 30, 40);
    }

    @Test
    void decode_rgbAndGrey_shapesMatchHeaders() {
        pattern(dir.resolve("rgb.pat"), 5, 3, 3, 7);
        pattern(dir.resolve("grey.pat"), 4, 6, 1, 9);

        DecodedImage rgb = GimpPatterns.decode(dir.resolve("rgb.pat"));
        DecodedImage grey = GimpPatterns.decode(dir.resolve("grey.pat"));

        assertThat(rgb.channels()).isEqualTo(3);
        assertThat(rgb.width()).isEqualTo(5);
        assertThat(rgb.height()).isEqualTo(3);
        assertThat(grey.channels()).isEqualTo(1);
        assertThat(grey.width()).isEqualTo(4);
        assertThat(grey.height()).isEqualTo(6);
        assertThat(GimpPatterns.header(dir.resolve("grey.pat")).colour()).isFalse();
    }

    @Test
    void decode_wrongMagic_saysWhatItFound() throws IOException {
        Path file = dir.resolve("p.pat");
        byte[] bytes = pattern(2, 2, 1, new byte[4]);
        bytes[20] = 'G';
        bytes[21] = 'I';
        bytes[22] = 'M';
        bytes[23] = 'P';
        Files.write(file, bytes);

        assertThatThrownBy(() -> GimpPatterns.decode(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read pattern %s: magic is \"GIMP\", expected \"GPAT\"", file);
    }

    @Test
    void decode_tooFewPixelBytes_saysHowMany() throws IOException {
        Path file = dir.resolve("p.pat");
        byte[] bytes = pattern(4, 4, 3, new byte[48]);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> GimpPatterns.decode(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TOO_FEW_PIXELS, file);
    }

    @Test
    void decode_fiveBytesPerPixel_isRefused() throws IOException {
        Path file = dir.resolve("p.pat");
        byte[] bytes = pattern(1, 1, 5, new byte[5]);
        Files.write(file, bytes);

        assertThatThrownBy(() -> GimpPatterns.decode(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 bytes per pixel is not supported, expected 1 to 4");
    }

    @Test
    void decode_shorterThanAHeader_saysSo() throws IOException {
        Path file = dir.resolve("p.pat");
        Files.write(file, new byte[10]);

        assertThatThrownBy(() -> GimpPatterns.decode(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TOO_SHORT, file);
    }

    @Test
    void decode_wrongVersion_isRefused() throws IOException {
        Path file = dir.resolve("p.pat");
        byte[] bytes = pattern(1, 1, 1, new byte[1]);
        ByteBuffer.wrap(bytes).putInt(4, 2);
        Files.write(file, bytes);

        assertThatThrownBy(() -> GimpPatterns.decode(file))
                .hasMessage("cannot read pattern %s: version 2 is not supported, expected 1", file);
    }

    @Test
    void load_categoryFolders_eachPatternItsOwnClass() {
        pattern(dir.resolve("Wood/burlwood.pat"), 40, 40, 3, 1);
        pattern(dir.resolve("Wood/pine.pat"), 40, 30, 3, 2);
        pattern(dir.resolve("Stone/slate.pat"), 36, 36, 1, 3);

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(dir.toString())
                                .optPatch(8)
                                .optPatchesPerImage(10)
                                .build());

        assertThat(split.train().classNames())
                .containsExactly("Stone/slate", "Wood/burlwood", "Wood/pine");
        assertThat(split.train().shape()).isEqualTo(new SampleShape(3, 8, 8));
        assertThat(Splits.counts(split.train())).containsExactly(8, 8, 8);
        assertThat(Splits.counts(split.test())).containsExactly(2, 2, 2);
        assertThat(split.notes()).anyMatch(note -> note.startsWith("split: by region"));
    }

    @Test
    void load_singlePatternFile_isOneClassNamedAfterTheFile() {
        Path file = pattern(dir.resolve("marble.pat"), 20, 20, 1, 5);

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(file.toString())
                                .optPatch(4)
                                .optPatchesPerImage(5)
                                .build());

        assertThat(split.train().classNames()).containsExactly("marble");
        assertThat(split.train().size()).isEqualTo(4);
        assertThat(split.test().size()).isEqualTo(1);
    }

    @Test
    void load_patternsOfDifferentSizesWithoutPatch_asksForPatch() {
        pattern(dir.resolve("a.pat"), 10, 10, 1, 1);
        pattern(dir.resolve("b.pat"), 12, 10, 1, 1);

        assertThatThrownBy(
                        () ->
                                DataLoader.load(
                                        DataRequest.builder().setSource(dir.toString()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patterns differ in size")
                .hasMessageContaining("a.pat is 10x10 pixels, ")
                .hasMessageContaining("b.pat is 12x10")
                .hasMessageContaining("give --patch P");
    }

    @Test
    void load_patternTooSmallForTwoRegions_givesTrainingPatchesOnly() {
        pattern(dir.resolve("warning.pat"), 20, 20, 3, 1);
        pattern(dir.resolve("wide.pat"), 40, 20, 3, 2);

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(dir.toString())
                                .optPatch(16)
                                .optPatchesPerImage(10)
                                .build());

        assertThat(Splits.counts(split.train())).containsExactly(10, 8);
        assertThat(Splits.counts(split.test())).containsExactly(0, 2);
        assertThat(split.notes()).contains(TRAINING_ONLY);
    }

    @Test
    void load_skipBadInput_skipsABrokenPattern() throws IOException {
        pattern(dir.resolve("a.pat"), 16, 16, 1, 1);
        Files.write(dir.resolve("b.pat"), new byte[] {0, 0, 0, 30});

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(dir.toString())
                                .optPatch(4)
                                .optOnBadInput(BadInputPolicy.SKIP)
                                .build());

        assertThat(split.train().classNames()).containsExactly("a", "b");
        assertThat(Splits.counts(split.train())[1]).isZero();
        assertThat(split.notes()).contains("skipped: 1 unreadable files (see the warnings)");
    }
}
