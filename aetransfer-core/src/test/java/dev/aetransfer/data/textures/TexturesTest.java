package dev.aetransfer.data.textures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.data.SampleStorage;
import java.nio.ByteBuffer;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TexturesTest {

    private static final String NO_FAMILIES =
            "textures:n=100: no families chosen; start with source, target or families=NAME,NAME";

    @Test
    void generate_sameSpecAndSeed_identicalBytes() {
        String spec = "families=wood,marble,cells&n=30";

        assertThat(bytes(Textures.generate(spec, 7))).isEqualTo(bytes(Textures.generate(spec, 7)));
    }

    @Test
    void generate_differentSeeds_everySampleDiffers() {
        SampleSet a = Textures.generate("target&n=20", 1);
        SampleSet b = Textures.generate("target&n=20", 2);

        for (int i = 0; i < a.size(); i++) {
            assertThat(sample(a, i)).as("sample %d", i).isNotEqualTo(sample(b, i));
        }
    }

    @Test
    void render_oneThreadOrAllCores_identicalBytes() {
        TextureSpec spec = TextureSpec.parse("source&n=2000");
        Textures.render(TextureSpec.parse("source&n=500"), 4, false);

        long start = System.nanoTime();
        SampleSet parallel = Textures.render(spec, 3, true);
        double parallelSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SampleSet sequential = Textures.render(spec, 3, false);
        double sequentialSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "textures 32x32 RGB: %.0f patches/s on one thread, %.0f patches/s on %d cores%n",
                spec.count() / sequentialSeconds,
                spec.count() / parallelSeconds,
                Runtime.getRuntime().availableProcessors());
        assertThat(bytes(parallel)).isEqualTo(bytes(sequential));
    }

    @Test
    void renderSample_alone_sameAsWithinSet() {
        TextureSpec spec = TextureSpec.parse("families=bricks,weave,plaid&n=12&size=16");
        SampleSet set = Textures.render(spec, 11, false);

        for (int index : new int[] {0, 5, 11}) {
            assertThat(Textures.renderSample(spec, 11, index))
                    .as("sample %d", index)
                    .isEqualTo(sample(set, index));
        }
    }

    @Test
    void generate_source_largeBalancedMixOfSourceFamilies() {
        SampleSet source = Textures.generate("source", 1);

        assertThat(source.size()).isEqualTo(8000);
        assertThat(source.shape()).isEqualTo(new SampleShape(3, 32, 32));
        assertThat(source.storage()).isEqualTo(SampleStorage.UINT8);
        assertThat(source.classNames()).hasSize(10).contains("stripes", "wood", "bricks");
        assertThat(counts(source)).containsOnly(800);
        assertThat(source.origin()).isEqualTo("textures:source");
    }

    @Test
    void generate_target_familiesHeldOutOfSource() {
        SampleSet target = Textures.generate("target", 1);
        SampleSet source = Textures.generate("source&n=10&size=8", 1);

        assertThat(target.classNames()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Collections.disjoint(target.classNames(), source.classNames())).isTrue();
        assertThat(counts(target)).containsOnly(150);
        assertThat(target.shape()).isEqualTo(new SampleShape(3, 32, 32));
    }

    @Test
    void generate_familiesWithCount_splitsEvenlyInSpecOrder() {
        SampleSet set = Textures.generate("families=wood,marble,bricks&n=10&size=16", 1);

        assertThat(set.classNames()).containsExactly("wood", "marble", "bricks");
        assertThat(counts(set)).containsExactly(4, 3, 3);
        assertThat(set.label(0)).isZero();
        assertThat(set.label(4)).isEqualTo(1);
        assertThat(set.shape()).isEqualTo(new SampleShape(3, 16, 16));
    }

    @Test
    void generate_presetWithCountAndSize_overridesDefaults() {
        SampleSet set = Textures.generate("target&n=25&size=64", 1);

        assertThat(set.size()).isEqualTo(25);
        assertThat(set.shape()).isEqualTo(new SampleShape(3, 64, 64));
    }

    @Test
    void generate_everyFamilyAtSmallestAndLargestSize_noFlatSamples() {
        String all = String.join(",", Textures.familyNames());
        for (int size : new int[] {8, 32, 256}) {
            int n = size == 256 ? 15 : 150;
            SampleSet set =
                    Textures.generate(String.format("families=%s&n=%d&size=%d", all, n, size), 5);
            for (int i = 0; i < set.size(); i++) {
                assertThat(spread(set, i))
                        .as("%s sample %d at size %d", set.classNames().get(set.label(i)), i, size)
                        .isGreaterThan(0.02);
            }
        }
    }

    @Test
    void familyNames_sourceThenTarget_fifteen() {
        assertThat(Textures.familyNames()).hasSize(15).startsWith("stripes").endsWith("camouflage");
    }

    @Test
    void generate_unknownFamily_namesItAndListsFamilies() {
        assertThatThrownBy(() -> Textures.generate("families=wood,woood", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("textures:families=wood,woood: unknown family \"woood\"")
                .hasMessageContaining("valid families: stripes, checks,")
                .hasMessageContaining("camouflage");
    }

    @Test
    void generate_unknownKey_namesItAndListsKeys() {
        String spec = "source&colour=red";

        assertThatThrownBy(() -> Textures.generate(spec, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "textures:%s: unknown key \"colour\"; valid keys: families, n, size", spec);
    }

    @Test
    void generate_unknownPreset_listsChoices() {
        assertThatThrownBy(() -> Textures.generate("wood", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "unknown part \"wood\"; expected source, target or KEY=VALUE");
    }

    @Test
    void generate_badNumber_namesKeyAndValue() {
        assertThatThrownBy(() -> Textures.generate("source&n=lots", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("textures:source&n=lots: n must be a whole number, got \"lots\"");
    }

    @Test
    void generate_sizeOutOfRange_statesRange() {
        assertThatThrownBy(() -> Textures.generate("target&size=4", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("textures:target&size=4: size must be between 8 and 256 pixels, got 4");
    }

    @Test
    void generate_fewerSamplesThanFamilies_refused() {
        assertThatThrownBy(() -> Textures.generate("target&n=3", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "textures:target&n=3: n must be at least 5 (one sample per family), got 3");
    }

    @Test
    void generate_tooManyBytes_refused() {
        assertThatThrownBy(() -> Textures.generate("source&n=20000&size=256", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20000 samples of 3x256x256 are 3932160000 bytes")
                .hasMessageContaining("lower n or size");
    }

    @Test
    void generate_presetAndFamilies_refused() {
        String spec = "source&families=wood";

        assertThatThrownBy(() -> Textures.generate(spec, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "textures:%s: families cannot be combined with source; use one of them",
                        spec);
    }

    @Test
    void generate_repeatedKeyOrFamily_refused() {
        assertThatThrownBy(() -> Textures.generate("source&n=5&n=6", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("textures:source&n=5&n=6: \"n=6\" is given twice");
        assertThatThrownBy(() -> Textures.generate("families=wood,wood", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("textures:families=wood,wood: family \"wood\" is listed twice");
    }

    @Test
    void generate_sourceAndTarget_refused() {
        String spec = "source&target";

        assertThatThrownBy(() -> Textures.generate(spec, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "textures:%s: target cannot be combined with source; use one of them",
                        spec);
    }

    @Test
    void generate_emptyOrCountOnly_saysWhatToWrite() {
        assertThatThrownBy(() -> Textures.generate("", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("texture spec is empty: write textures:source");
        assertThatThrownBy(() -> Textures.generate("n=100", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NO_FAMILIES);
    }

    private static byte[] bytes(SampleSet set) {
        ByteBuffer buffer = ByteBuffer.allocate(set.size() * set.shape().volume());
        for (int i = 0; i < set.size(); i++) {
            set.copyTo(i, buffer);
        }
        return buffer.array();
    }

    private static byte[] sample(SampleSet set, int index) {
        ByteBuffer buffer = ByteBuffer.allocate(set.shape().volume());
        set.copyTo(index, buffer);
        return buffer.array();
    }

    private static int[] counts(SampleSet set) {
        int[] counts = new int[set.classNames().size()];
        for (int i = 0; i < set.size(); i++) {
            counts[set.label(i)]++;
        }
        return counts;
    }

    /** Standard deviation of the mean of the three channels over the sample's pixels. */
    private static double spread(SampleSet set, int index) {
        int volume = set.shape().volume();
        int plane = volume / 3;
        float[] values = new float[volume];
        set.read(index, values, 0);
        double sum = 0;
        double squares = 0;
        for (int p = 0; p < plane; p++) {
            double grey = (values[p] + values[p + plane] + values[p + 2 * plane]) / 3;
            sum += grey;
            squares += grey * grey;
        }
        double mean = sum / plane;
        return Math.sqrt(squares / plane - mean * mean);
    }
}
