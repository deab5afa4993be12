package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.PatchSampler.Region;
import dev.aetransfer.testing.DataFixtures;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchSamplerTest {

    @TempDir Path dir;

    /** Every pixel a patch at {@code corner} covers, as {@code y * width + x}, wrapping. */
    private static Set<Integer> covered(int[] corner, int patch, int height, int width) {
        Set<Integer> pixels = new HashSet<>();
        for (int dy = 0; dy < patch; dy++) {
            for (int dx = 0; dx < patch; dx++) {
                int x = Math.floorMod(corner[0] + dx, width);
                int y = Math.floorMod(corner[1] + dy, height);
                pixels.add(y * width + x);
            }
        }
        return pixels;
    }

    @Test
    void split_noTestPatchOverlapsATrainingPatch() {
        int[][] sizes = {{40, 100}, {100, 40}, {33, 33}, {17, 64}};
        for (int[] size : sizes) {
            int height = size[0];
            int width = size[1];
            for (int patch : new int[] {4, 8, 16}) {
                Region[] regions = PatchSampler.split(height, width, patch, 0.8, "test");
                Random random = new Random(patch);
                Set<Integer> train = new HashSet<>();
                Set<Integer> test = new HashSet<>();
                for (int i = 0; i < 500; i++) {
                    train.addAll(covered(regions[0].corner(random), patch, height, width));
                    test.addAll(covered(regions[1].corner(random), patch, height, width));
                }
                assertThat(train).doesNotContainAnyElementsOf(test);
                assertThat(train.size()).isGreaterThan(test.size());
            }
        }
    }

    @Test
    void split_everyCornerOfEachRegion_staysInsideIt() {
        Region[] regions = PatchSampler.split(10, 50, 8, 0.8, "test");

        // Columns: training patches in [0, 40), test patches in [40, 50).
        assertThat(regions[0]).isEqualTo(new Region(0, 0, 33, 10));
        assertThat(regions[1]).isEqualTo(new Region(40, 0, 3, 10));
    }

    @Test
    void split_cutMovesSoThatBothRegionsHoldAPatch() {
        Region[] regions = PatchSampler.split(8, 20, 8, 0.9, "test");

        assertThat(regions[0].columns()).isEqualTo(5);
        assertThat(regions[1].x()).isEqualTo(12);
        assertThat(regions[1].columns()).isEqualTo(1);
    }

    @Test
    void split_tooSmall_saysWhatItNeeds() {
        assertThatThrownBy(() -> PatchSampler.split(20, 20, 16, 0.8, "p.pat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image p.pat is 20x20 pixels, too small");
    }

    @Test
    void trainingShare_roundsAndKeepsOneForEachSide() {
        assertThat(PatchSampler.trainingShare(16, 0.8)).isEqualTo(13);
        assertThat(PatchSampler.trainingShare(2, 0.99)).isEqualTo(1);
        assertThatThrownBy(() -> PatchSampler.trainingShare(1, 0.8))
                .hasMessageContaining("--patches-per-image 1 cannot be shared");
    }

    @Test
    void patch_wrapsAroundTheEdges() {
        byte[] pixels = {0, 1, 2, 3, 4, 5};
        DecodedImage image = new DecodedImage(1, 2, 3, pixels);

        assertThat(image.patch(2, 1, 2).pixels()).containsExactly(5, 3, 2, 0);
    }

    @Test
    void load_singleImageSplitByRegion_patchesShareNoPixel() {
        // Red holds the column and green the row of each pixel, so a patch tells where it was cut.
        int width = 120;
        int height = 30;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x << 16) | (y << 8) | 77);
            }
        }
        Path file = DataFixtures.write(image, "png", dir.resolve("one.png"));

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(file.toString())
                                .optPatch(10)
                                .optPatchesPerImage(200)
                                .optSplit(0.75)
                                .build());

        assertThat(split.train().size()).isEqualTo(150);
        assertThat(split.test().size()).isEqualTo(50);
        Set<Integer> train = pixelsOf(split.train(), width);
        Set<Integer> test = pixelsOf(split.test(), width);
        assertThat(train).doesNotContainAnyElementsOf(test);
        assertThat(train.stream().mapToInt(p -> p % width).max().getAsInt()).isLessThan(90);
        assertThat(test.stream().mapToInt(p -> p % width).min().getAsInt())
                .isGreaterThanOrEqualTo(90);
    }

    private static Set<Integer> pixelsOf(SampleSet set, int width) {
        Set<Integer> pixels = new HashSet<>();
        int area = set.shape().height() * set.shape().width();
        for (int i = 0; i < set.size(); i++) {
            ByteBuffer buffer = ByteBuffer.allocate(set.shape().volume());
            set.copyTo(i, buffer);
            byte[] values = buffer.array();
            for (int k = 0; k < area; k++) {
                int x = values[k] & 0xFF;
                int y = values[area + k] & 0xFF;
                assertThat(values[2 * area + k] & 0xFF).isEqualTo(77);
                pixels.add(y * width + x);
            }
        }
        return pixels;
    }

    @Test
    void load_seed_fixesThePatches() {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                image.getRaster().setSample(x, y, 0, (x * 7 + y * 3) % 256);
            }
        }
        Path file = DataFixtures.write(image, "png", dir.resolve("a.png"));
        DataRequest.Builder request = DataRequest.builder().setSource(file.toString()).optPatch(5);

        SampleSet first = DataLoader.load(request.optSeed(9).build()).train();
        SampleSet again = DataLoader.load(request.optSeed(9).build()).train();
        SampleSet other = DataLoader.load(request.optSeed(10).build()).train();

        assertThat(contents(first)).isEqualTo(contents(again)).isNotEqualTo(contents(other));
    }

    private static String contents(SampleSet set) {
        ByteBuffer buffer = ByteBuffer.allocate(set.size() * set.shape().volume());
        for (int i = 0; i < set.size(); i++) {
            set.copyTo(i, buffer);
        }
        return java.util.Arrays.toString(buffer.array());
    }
}
