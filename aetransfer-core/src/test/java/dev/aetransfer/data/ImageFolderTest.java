package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.grey;
import static dev.aetransfer.testing.DataFixtures.imageFolder;
import static dev.aetransfer.testing.DataFixtures.rgb;
import static dev.aetransfer.testing.DataFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    private static final String NO_IMAGES =
            "folder %s holds no PNG, JPEG or BMP images, nor one subfolder of them per class";

    @TempDir Path dir;

    private static TrainTestSplit load(Path source, DataRequest.Builder builder) {
        return DataLoader.load(builder.setSource(source.toString()).build());
    }

    private static DataRequest.Builder request() {
        return DataRequest.builder();
    }

    private static byte[] bytes(SampleSet set, int index) {
        ByteBuffer buffer = ByteBuffer.allocate(set.shape().volume());
        set.copyTo(index, buffer);
        return buffer.array();
    }

    /** Every sample of both splits, training first. */
    private static List<byte[]> all(TrainTestSplit split) {
        List<byte[]> samples = new ArrayList<>();
        for (SampleSet set : List.of(split.train(), split.test())) {
            for (int i = 0; i < set.size(); i++) {
                samples.add(bytes(set, i));
            }
        }
        return samples;
    }

    @Test
    void load_classFolders_labelsBySubfolderAndSplitsStratified() {
        imageFolder(dir, 4, 5, "cat", "dog");

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().classNames()).containsExactly("cat", "dog");
        assertThat(split.train().shape()).isEqualTo(new SampleShape(1, 4, 4));
        assertThat(split.train().storage()).isEqualTo(SampleStorage.UINT8);
        assertThat(Splits.counts(split.train())).containsExactly(4, 4);
        assertThat(Splits.counts(split.test())).containsExactly(1, 1);
        for (SampleSet set : new SampleSet[] {split.train(), split.test()}) {
            for (int i = 0; i < set.size(); i++) {
                int value = bytes(set, i)[0];
                assertThat(value / 10).isEqualTo(set.label(i));
            }
        }
        assertThat(split.notes()).anyMatch(n -> n.startsWith("split: stratified by class, 80%"));
    }

    @Test
    void load_flatFolder_isUnlabelled() {
        for (int i = 0; i < 5; i++) {
            write(grey(3, 2, i), "png", dir.resolve(i + ".png"));
        }

        TrainTestSplit split = load(dir, request().optSplit(0.6));

        assertThat(split.train().labelled()).isFalse();
        assertThat(split.train().label(0)).isEqualTo(-1);
        assertThat(split.train().size()).isEqualTo(3);
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.train().shape()).isEqualTo(new SampleShape(1, 2, 3));
    }

    @Test
    void load_trainAndTestFolders_fixTheSplit() {
        imageFolder(dir.resolve("train"), 4, 3, "a", "b");
        imageFolder(dir.resolve("test"), 4, 2, "b");

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().size()).isEqualTo(6);
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.test().classNames()).containsExactly("a", "b");
        assertThat(split.test().label(0)).isEqualTo(1);
        assertThat(split.notes()).contains("split: fixed by the source's train/ and test/ folders");
    }

    @Test
    void load_trainAndTestFoldersWithSplit_isAnError() {
        imageFolder(dir.resolve("train"), 4, 3, "a");
        imageFolder(dir.resolve("test"), 4, 2, "a");

        assertThatThrownBy(() -> load(dir, request().optSplit(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--split 0.5 cannot apply")
                .hasMessageContaining("already fixes the split");
    }

    @Test
    void load_testClassMissingFromTrain_namesTheClass() {
        imageFolder(dir.resolve("train"), 4, 3, "a");
        imageFolder(dir.resolve("test"), 4, 2, "zebra");

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test class \"zebra\" has no folder in");
    }

    @Test
    void load_pngJpegAndBmp_allRead() {
        write(rgb(8, 8, 0x336699), "png", dir.resolve("x/a.png"));
        write(rgb(8, 8, 0x336699), "jpeg", dir.resolve("x/b.jpg"));
        write(rgb(8, 8, 0x336699), "bmp", dir.resolve("x/c.bmp"));

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().shape()).isEqualTo(new SampleShape(3, 8, 8));
        assertThat(all(split)).hasSize(3);
        for (byte[] values : all(split)) {
            assertThat(values[0] & 0xFF).isCloseTo(0x33, within(3));
            assertThat(values[64] & 0xFF).isCloseTo(0x66, within(3));
            assertThat(values[128] & 0xFF).isCloseTo(0x99, within(3));
        }
    }

    @Test
    void load_noChannelsGiven_threeWhenAnyImageHasColour() {
        write(grey(4, 4, 7), "png", dir.resolve("a/grey.png"));
        write(rgb(4, 4, 0xFF0000), "png", dir.resolve("a/red.png"));

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().shape().channels()).isEqualTo(3);
        assertThat(split.notes()).contains("channels: 3 (RGB), as an image has colour");
    }

    @Test
    void load_greyImages_oneChannelWithExactValues() {
        write(grey(4, 4, 200), "png", dir.resolve("a/one.png"));
        write(grey(4, 4, 201), "png", dir.resolve("a/two.png"));

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().shape().channels()).isEqualTo(1);
        byte[] values = bytes(split.train(), 0);
        assertThat(values[0] & 0xFF).isIn(200, 201);
        float[] floats = new float[16];
        split.train().read(0, floats, 0);
        assertThat(floats[0]).isEqualTo((values[0] & 0xFF) / 255f);
    }

    @Test
    void load_channelsOne_convertsColourToLuma() {
        write(rgb(2, 2, 0xFF8000), "png", dir.resolve("a/orange.png"));
        write(rgb(2, 2, 0xFF8000), "png", dir.resolve("a/orange2.png"));

        SampleSet train = load(dir, request().optChannels(1)).train();

        int expected = (int) Math.round(0.299 * 255 + 0.587 * 128);
        assertThat(bytes(train, 0)[0] & 0xFF).isEqualTo(expected);
    }

    @Test
    void load_channelsThree_repeatsGrey() {
        write(grey(2, 2, 90), "png", dir.resolve("a/x.png"));
        write(grey(2, 2, 90), "png", dir.resolve("a/y.png"));

        SampleSet train = load(dir, request().optChannels(3)).train();

        assertThat(train.shape()).isEqualTo(new SampleShape(3, 2, 2));
        byte[] values = bytes(train, 0);
        assertThat(values[0]).isEqualTo(values[4]).isEqualTo(values[8]).isEqualTo((byte) 90);
    }

    @Test
    void load_size_resizesShorterSideAndCropsCentre() {
        // 8x4 image: left half 0, right half 200; shrunk to 4x2 then the centre 2x2 kept.
        var image = grey(8, 4, 0);
        for (int y = 0; y < 4; y++) {
            for (int x = 4; x < 8; x++) {
                image.getRaster().setSample(x, y, 0, 200);
            }
        }
        write(image, "png", dir.resolve("a/wide.png"));
        write(grey(3, 5, 50), "png", dir.resolve("a/tall.png"));

        TrainTestSplit split = load(dir, request().optSize(2));

        assertThat(split.train().shape()).isEqualTo(new SampleShape(1, 2, 2));
        assertThat(all(split))
                .containsExactlyInAnyOrder(
                        new byte[] {0, (byte) 200, 0, (byte) 200}, new byte[] {50, 50, 50, 50});
        assertThat(split.notes()).anyMatch(n -> n.startsWith("resize: "));
    }

    @Test
    void load_mixedSizesWithoutSize_namesTwoFilesAndSizes() {
        write(grey(4, 4, 1), "png", dir.resolve("a/small.png"));
        write(grey(6, 5, 1), "png", dir.resolve("a/wide.png"));

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("images differ in size")
                .hasMessageContaining("small.png is 4x4 pixels")
                .hasMessageContaining("wide.png is 6x5")
                .hasMessageContaining("--size N");
    }

    @Test
    void load_fileThatIsNotAnImage_namesTheFile() throws IOException {
        write(grey(4, 4, 1), "png", dir.resolve("wood/01.png"));
        Files.writeString(dir.resolve("wood/07.png"), "just some text");

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot read image %s: not a PNG, JPEG or BMP file",
                        dir.resolve("wood/07.png"));
    }

    @Test
    void load_truncatedPng_saysTruncated() throws IOException {
        Path good = write(rgb(32, 32, 0x123456), "png", dir.resolve("a/good.png"));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("a/cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read image " + dir.resolve("a/cut.png"))
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void load_truncatedJpeg_saysTruncated() throws IOException {
        var image = rgb(64, 64, 0);
        for (int i = 0; i < 64; i++) {
            image.setRGB(i, i, 0xFFFFFF);
        }
        Path good = write(image, "jpeg", dir.resolve("a/good.jpg"));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(dir.resolve("a/cut.jpg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read image " + dir.resolve("a/cut.jpg"))
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void load_skipBadInput_leavesUnreadableFilesOut() throws IOException {
        imageFolder(dir, 4, 5, "a");
        Files.writeString(dir.resolve("a/bad.png"), "not an image");
        Files.write(dir.resolve("a/cut.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        TrainTestSplit split = load(dir, request().optOnBadInput(BadInputPolicy.SKIP));

        assertThat(split.train().size() + split.test().size()).isEqualTo(5);
        assertThat(split.notes()).contains("skipped: 2 unreadable files (see the warnings)");
    }

    @Test
    void load_emptyFolder_says_noImages() {
        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NO_IMAGES, dir);
    }

    @Test
    void load_emptyClassFolder_namesIt() throws IOException {
        imageFolder(dir, 4, 2, "a");
        Files.createDirectories(dir.resolve("b"));

        assertThatThrownBy(() -> load(dir, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class folder %s holds no PNG, JPEG or BMP images", dir.resolve("b"));
    }

    @Test
    void load_missingPath_namesThePath() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> load(missing, request()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read data from %s: no such file or folder", missing);
    }

    @Test
    void load_otherFilesBesideImages_areIgnored() throws IOException {
        imageFolder(dir, 4, 2, "a");
        Files.writeString(dir.resolve("a/README.txt"), "about the images");
        Files.writeString(dir.resolve("a/.hidden.png"), "");

        TrainTestSplit split = load(dir, request());

        assertThat(split.train().size() + split.test().size()).isEqualTo(2);
    }
}
