package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.idx;
import static dev.aetransfer.testing.DataFixtures.imageFolder;
import static dev.aetransfer.testing.DataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

    @TempDir Path dir;

    /** An IDX pair of {@code count} 4x4 images; image {@code i} is filled with {@code i % 256}. */
    private Path mnistLike(String name, int count, int classes) {
        byte[] pixels = new byte[count * 16];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 16, i * 16 + 16, (byte) i);
            labels[i] = (byte) (i % classes);
        }
        return idx(dir.resolve(name), 4, 4, pixels, labels);
    }

    private static TrainTestSplit load(DataRequest.Builder builder) {
        return DataLoader.load(builder.build());
    }

    @Test
    void classes_applyToBothSplits_andRenumberInSourceOrder() {
        Path images = mnistLike("train-images-idx3-ubyte", 100, 10);

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(images.toString())
                                .optClasses(List.of("7", "2")));

        assertThat(split.train().classNames()).containsExactly("2", "7");
        assertThat(split.test().classNames()).containsExactly("2", "7");
        assertThat(split.train().size() + split.test().size()).isEqualTo(20);
        for (int i = 0; i < split.test().size(); i++) {
            ByteBuffer value = ByteBuffer.allocate(16);
            split.test().copyTo(i, value);
            int original = (value.get(0) & 0xFF) % 10;
            assertThat(original).isEqualTo(split.test().label(i) == 0 ? 2 : 7);
        }
        assertThat(split.notes()).contains("classes: kept 2, 7");
    }

    @Test
    void perClass_limitsTheTrainingSplitOnly() {
        Path images = mnistLike("train-images-idx3-ubyte", 200, 4);

        TrainTestSplit split =
                load(DataRequest.builder().setSource(images.toString()).optPerClass(3));

        assertThat(Splits.counts(split.train())).containsExactly(3, 3, 3, 3);
        assertThat(Splits.counts(split.test())).containsExactly(10, 10, 10, 10);
    }

    @Test
    void perClass_largerThanAClass_isAnError() {
        Path images = mnistLike("train-images-idx3-ubyte", 20, 4);

        assertThatThrownBy(
                        () ->
                                load(
                                        DataRequest.builder()
                                                .setSource(images.toString())
                                                .optPerClass(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "--per-class 5 is larger than class \"0\", which has 4 training examples");
    }

    @Test
    void perClass_withPatches_countsPatches() {
        imageFolder(dir.resolve("imgs"), 8, 3, "a", "b");

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(dir.resolve("imgs").toString())
                                .optPatch(4)
                                .optPatchesPerImage(5)
                                .optPerClass(7));

        assertThat(Splits.counts(split.train())).containsExactly(7, 7);
        assertThat(Splits.counts(split.test())).containsExactly(5, 5);
    }

    @Test
    void testData_classesMatchedByName() {
        imageFolder(dir.resolve("train"), 4, 3, "cat", "dog", "eel");
        imageFolder(dir.resolve("other"), 4, 2, "dog", "eel");

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(dir.resolve("train").toString())
                                .optTestSource(dir.resolve("other").toString())
                                .optClasses(List.of("cat", "eel")));

        assertThat(split.train().size()).isEqualTo(6);
        assertThat(split.test().classNames()).containsExactly("cat", "eel");
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.test().label(0)).isEqualTo(1);
        assertThat(split.notes()).anyMatch(n -> n.startsWith("split: held-out data from"));
    }

    @Test
    void testData_unknownClass_namesIt() {
        imageFolder(dir.resolve("train"), 4, 3, "cat");
        imageFolder(dir.resolve("other"), 4, 2, "cow");

        assertThatThrownBy(
                        () ->
                                load(
                                        DataRequest.builder()
                                                .setSource(dir.resolve("train").toString())
                                                .optTestSource(dir.resolve("other").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has class \"cow\", which the training data")
                .hasMessageContaining("its classes are cat");
    }

    @Test
    void testData_otherShape_asksForSize() {
        imageFolder(dir.resolve("train"), 4, 3, "cat");
        imageFolder(dir.resolve("other"), 6, 2, "cat");

        assertThatThrownBy(
                        () ->
                                load(
                                        DataRequest.builder()
                                                .setSource(dir.resolve("train").toString())
                                                .optTestSource(dir.resolve("other").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1x6x6 UINT8 samples but training data")
                .hasMessageContaining("give --size N");
    }

    @Test
    void testData_takesTheTrainingChannels() {
        imageFolder(dir.resolve("train"), 4, 2, "cat");
        imageFolder(dir.resolve("other"), 4, 2, "cat");

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(dir.resolve("train").toString())
                                .optTestSource(dir.resolve("other").toString())
                                .optChannels(3));

        assertThat(split.test().shape()).isEqualTo(new SampleShape(3, 4, 4));
    }

    @Test
    void build_splitWithTestData_isAnError() {
        assertThatThrownBy(
                        () ->
                                DataRequest.builder()
                                        .setSource("a")
                                        .optTestSource("b")
                                        .optSplit(0.5)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give either --split or --test-data, not both");
    }

    @Test
    void decodedImages_channelsSizeAndPatchesApply() {
        Path images = mnistLike("train-images-idx3-ubyte", 30, 3);

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(images.toString())
                                .optChannels(3)
                                .optSize(8)
                                .optPatch(2)
                                .optPatchesPerImage(3));

        assertThat(split.train().shape()).isEqualTo(new SampleShape(3, 2, 2));
        assertThat(split.train().size()).isEqualTo(24 * 3);
        assertThat(split.test().size()).isEqualTo(6 * 3);
        ByteBuffer patch = ByteBuffer.allocate(12);
        split.train().copyTo(0, patch);
        assertThat(patch.array()).containsOnly(patch.get(0));
    }

    @Test
    void csvTestData_matchedByName() {
        Path train = text(dir.resolve("train.csv"), "a,label\n1,x\n2,y\n3,x\n4,y\n");
        Path test = text(dir.resolve("test.csv"), "a,label\n5,y\n");

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(train.toString())
                                .optTestSource(test.toString()));

        assertThat(split.train().size()).isEqualTo(4);
        assertThat(split.test().size()).isEqualTo(1);
        assertThat(split.test().label(0)).isEqualTo(1);
    }

    @Test
    void texturesScheme_goesToTheTextureGenerator() {
        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource("textures:families=wood,marble&n=20&size=8")
                                .optSeed(3));

        assertThat(split.train().classNames()).containsExactly("wood", "marble");
        assertThat(split.train().shape()).isEqualTo(new SampleShape(3, 8, 8));
        assertThat(Splits.counts(split.train())).containsExactly(8, 8);
        assertThat(Splits.counts(split.test())).containsExactly(2, 2);
        assertThat(split.notes())
                .contains("source: built-in textures textures:families=wood,marble&n=20&size=8");
    }

    @Test
    void texturesScheme_badSpec_isTheGeneratorsMessage() {
        assertThatThrownBy(() -> load(DataRequest.builder().setSource("textures:families=lava")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lava");
    }

    @Test
    void unknownFileKind_saysWhatIsExpected() {
        Path file = text(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> load(DataRequest.builder().setSource(file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot tell the format of " + file);
    }

    @Test
    void memoryBudget_tooSmall_streamsFromDiskWithBoundedHeap() {
        int count = 40_000;
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) (i * 31));
            labels[i] = (byte) (i % 10);
        }
        Path images = idx(dir.resolve("big-images-idx3-ubyte"), 28, 28, pixels, labels);
        pixels = null;

        long before = retainedHeap();
        TrainTestSplit streamed =
                load(DataRequest.builder().setSource(images.toString()).optMemoryBudget(1 << 20));
        long streamedHeap = retainedHeap() - before;

        TrainTestSplit held = load(DataRequest.builder().setSource(images.toString()));
        long heldHeap = retainedHeap() - before - streamedHeap;

        // 31 MB of pixels: held in memory they show up on the heap, streamed they do not.
        assertThat(heldHeap).isGreaterThan(25L << 20);
        assertThat(streamedHeap).isLessThan(4L << 20);
        assertThat(Loading.onDisk(streamed.train())).isTrue();
        assertThat(Loading.onDisk(held.train())).isFalse();
        assertThat(streamed.notes())
                .anyMatch(n -> n.startsWith("storage: streamed from a cache file"));
        assertThat(streamed.train().size()).isEqualTo(32_000);
        for (int i = 0; i < streamed.train().size(); i += 997) {
            ByteBuffer a = ByteBuffer.allocate(784);
            ByteBuffer b = ByteBuffer.allocate(784);
            streamed.train().copyTo(i, a);
            held.train().copyTo(i, b);
            assertThat(a.array()).isEqualTo(b.array());
            assertThat(streamed.train().label(i)).isEqualTo(held.train().label(i));
        }
        assertThat(DataSummary.of(streamed.test())).isEqualTo(DataSummary.of(held.test()));
    }

    @Test
    void memoryBudget_smallSelectionOfStreamedData_isHeldInMemory() {
        Path images = mnistLike("train-images-idx3-ubyte", 200, 4);

        TrainTestSplit split =
                load(
                        DataRequest.builder()
                                .setSource(images.toString())
                                .optPerClass(3)
                                .optMemoryBudget(500));

        assertThat(split.train()).isInstanceOf(InMemorySampleSet.class);
        assertThat(Splits.counts(split.train())).containsExactly(3, 3, 3, 3);
        assertThat(Loading.onDisk(split.test())).isTrue();
        for (int i = 0; i < split.train().size(); i++) {
            ByteBuffer value = ByteBuffer.allocate(16);
            split.train().copyTo(i, value);
            assertThat((value.get(0) & 0xFF) % 4).isEqualTo(split.train().label(i));
        }
    }

    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
