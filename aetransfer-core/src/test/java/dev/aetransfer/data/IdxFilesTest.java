package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.idx;
import static dev.aetransfer.testing.DataFixtures.idxLabels;
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

class IdxFilesTest {

    @TempDir Path dir;

    private static final MemoryBudget PLENTY = new MemoryBudget(1 << 20);
    private static final String WRONG_MAGIC =
            "IDX file %s: magic number 0x00000802 is not 0x00000803 (unsigned-byte images)";

    /** {@code count} 2x3 images, image {@code i} filled with {@code i}, label {@code i % 3}. */
    private static byte[] pixels(int count) {
        byte[] pixels = new byte[count * 6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / 6);
        }
        return pixels;
    }

    private static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
        }
        return labels;
    }

    @Test
    void read_gzippedPair_givesImagesAndLabels() {
        Path images = idx(dir.resolve("train-images-idx3-ubyte.gz"), 2, 3, pixels(6), labels(6));

        SampleSet set = IdxFiles.read(images, PLENTY);

        assertThat(set.size()).isEqualTo(6);
        assertThat(set.shape()).isEqualTo(new SampleShape(1, 2, 3));
        assertThat(set.classNames()).containsExactly("0", "1", "2");
        assertThat(set.label(4)).isEqualTo(1);
        ByteBuffer buffer = ByteBuffer.allocate(6);
        set.copyTo(5, buffer);
        assertThat(buffer.array()).containsOnly(5);
    }

    @Test
    void read_plainFiles_sameAsGzipped() {
        Path images = idx(dir.resolve("t10k-images-idx3-ubyte"), 2, 3, pixels(4), labels(4));

        SampleSet set = IdxFiles.read(images, PLENTY);

        assertThat(set.size()).isEqualTo(4);
        assertThat(set.label(3)).isEqualTo(0);
    }

    @Test
    void read_labelsFileGzippedDifferently_isStillFound() throws IOException {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(3), null);
        writeMaybeGzipped(dir.resolve("train-labels-idx1-ubyte.gz"), idxLabels(labels(3)));

        assertThat(IdxFiles.read(images, PLENTY).labelled()).isTrue();
    }

    @Test
    void read_noLabelsFile_isUnlabelled() {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(3), null);

        assertThat(IdxFiles.read(images, PLENTY).labelled()).isFalse();
    }

    @Test
    void read_fashionMnistFolder_namesTheClasses() {
        Path images =
                idx(
                        dir.resolve("fashion-mnist/train-images-idx3-ubyte.gz"),
                        2,
                        3,
                        pixels(3),
                        labels(3));

        SampleSet set = IdxFiles.read(images, PLENTY);

        assertThat(set.classNames()).hasSize(10).startsWith("T-shirt/top", "Trouser");
        assertThat(set.classNames().get(9)).isEqualTo("Ankle boot");
    }

    @Test
    void load_folderWithTrainAndT10k_fixesTheSplit() {
        idx(dir.resolve("train-images-idx3-ubyte.gz"), 2, 3, pixels(9), labels(9));
        idx(dir.resolve("t10k-images-idx3-ubyte.gz"), 2, 3, pixels(3), labels(3));

        TrainTestSplit split =
                DataLoader.load(DataRequest.builder().setSource(dir.toString()).build());

        assertThat(split.train().size()).isEqualTo(9);
        assertThat(split.test().size()).isEqualTo(3);
        assertThat(split.notes()).contains("split: fixed by the source's train and t10k files");
    }

    @Test
    void load_imagesFileAlone_splitsByFraction() {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(30), labels(30));

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder().setSource(images.toString()).optSplit(0.7).build());

        assertThat(Splits.counts(split.train())).containsExactly(7, 7, 7);
        assertThat(Splits.counts(split.test())).containsExactly(3, 3, 3);
    }

    @Test
    void read_wrongMagic_saysSo() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, ByteBuffer.allocate(16).putInt(0x00000802).array());

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WRONG_MAGIC, images);
    }

    @Test
    void read_labelsWithWrongMagic_saysSo() throws IOException {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(3), null);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, ByteBuffer.allocate(11).putInt(0x00000803).putInt(3).array());

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDX file " + labels)
                .hasMessageContaining("is not 0x00000801 (unsigned-byte labels)");
    }

    @Test
    void read_fewerImagesThanTheHeaderSays_isTruncated() throws IOException {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(5), null);
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 4));

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "IDX file %s: truncated in image 4 of the 5 its header promises", images);
    }

    @Test
    void read_moreDataThanTheHeaderSays_isAnError() throws IOException {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(5), null);
        byte[] bytes = Files.readAllBytes(images);
        ByteBuffer.wrap(bytes).putInt(4, 4);
        Files.write(images, bytes);

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "IDX file %s: holds more data than its header's 4 images of 3x2", images);
    }

    @Test
    void read_zeroRows_isOutOfRange() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(
                images,
                ByteBuffer.allocate(16).putInt(0x803).putInt(1).putInt(0).putInt(3).array());

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IDX file %s: dimensions 1 x 0 x 3 are out of range", images);
    }

    @Test
    void read_labelCountDiffers_namesBothFiles() throws IOException {
        Path images = idx(dir.resolve("train-images-idx3-ubyte"), 2, 3, pixels(5), null);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, idxLabels(labels(4)));

        assertThatThrownBy(() -> IdxFiles.read(images, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "IDX labels file %s holds 4 labels but images file %s holds 5 images",
                        labels, images);
    }

    @Test
    void load_labelsFileGivenAsData_pointsToTheImagesFile() throws IOException {
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, idxLabels(labels(4)));

        assertThatThrownBy(
                        () ->
                                DataLoader.load(
                                        DataRequest.builder().setSource(labels.toString()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an IDX labels file; give the images file");
    }
}
