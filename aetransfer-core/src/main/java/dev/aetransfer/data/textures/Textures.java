package dev.aetransfer.data.textures;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the built-in procedural textures.
 *
 * <p>A spec is the text after {@code textures:}:
 *
 * <ul>
 *   <li>{@code source}: 8,000 samples of ten families (stripes, checks, dots, clouds, marble, wood,
 *       cells, bricks, weave, scales), for pretraining;
 *   <li>{@code target}: 150 samples of each of five families held out of the source (plaid,
 *       chevron, ripples, honeycomb, camouflage), for transfer;
 *   <li>{@code families=wood,marble}: the named families, 500 samples each by default.
 * </ul>
 *
 * Any of them may be followed by {@code &n=COUNT} (samples in all, split evenly, family by family
 * in turn) and {@code &size=PIXELS} (8 to 256, default 32). Samples are labelled by family, in the
 * order the spec lists them. A pattern's scale is relative to the patch, so a larger size shows the
 * same textures in finer detail; below 32 pixels a patch shows the middle of a 32-pixel one
 * instead, so that stripes and dots stay a few pixels wide.
 *
 * <p>Each sample has its own random orientation, scale, colours, contrast and pixel noise, drawn
 * from the seed and its index alone: the same spec and seed give the same bytes on any machine and
 * thread count, and sample {@code i} does not depend on the others. Generation runs in parallel on
 * the common fork-join pool. Thread-safe.
 */
public final class Textures {

    private static final Logger LOG = LoggerFactory.getLogger(Textures.class);

    /** The smallest patch, in pixels, that shows a whole pattern; smaller ones show part of it. */
    private static final int FULL_DETAIL = 32;

    private Textures() {}

    /**
     * The samples a spec describes.
     *
     * @param spec the text after {@code textures:}, e.g. {@code source}, {@code target&n=300} or
     *     {@code families=wood,marble&n=2000&size=32}
     * @return a labelled set of {@link dev.aetransfer.data.SampleStorage#UINT8} RGB samples, {@code
     *     3×size×size}, held in memory
     * @throws IllegalArgumentException for a spec with an unknown part, key or family, or a bad
     *     number; the message lists the valid choices
     */
    public static SampleSet generate(String spec, long seed) {
        TextureSpec parsed = TextureSpec.parse(spec);
        long start = System.nanoTime();
        SampleSet set = render(parsed, seed, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(
                "textures spec={} seed={} samples={} size={} seconds={} patches_per_second={}",
                spec,
                seed,
                set.size(),
                parsed.size(),
                String.format("%.2f", seconds),
                Math.round(set.size() / seconds));
        return set;
    }

    /** Every family name, source families first, as {@code families=} accepts them. */
    public static List<String> familyNames() {
        return Families.ALL.stream().map(Family::name).toList();
    }

    /** Renders every sample of a spec, on all cores or on the calling thread only. */
    static InMemorySampleSet render(TextureSpec spec, long seed, boolean parallel) {
        int volume = 3 * spec.size() * spec.size();
        byte[] values = new byte[spec.count() * volume];
        IntStream indices = IntStream.range(0, spec.count());
        (parallel ? indices.parallel() : indices)
                .forEach(
                        i ->
                                System.arraycopy(
                                        renderSample(spec, seed, i),
                                        0,
                                        values,
                                        i * volume,
                                        volume));

        int[] labels =
                IntStream.range(0, spec.count()).map(i -> i % spec.families().size()).toArray();
        SampleShape shape = new SampleShape(3, spec.size(), spec.size());
        return InMemorySampleSet.ofBytes(shape, values, "textures:" + spec.text())
                .withLabels(labels, spec.classNames());
    }

    /** Sample {@code index} of a spec, {@code 3×size×size} bytes. */
    static byte[] renderSample(TextureSpec spec, long seed, int index) {
        SplittableRandom random = new SplittableRandom(sampleSeed(seed, index));
        int size = spec.size();
        // Below FULL_DETAIL pixels a patch shows the middle of a larger one, not finer features.
        double span = Math.min(1, size / (double) FULL_DETAIL);
        double pixel = span / size;
        double angle = random.nextDouble(2 * Math.PI);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        Family family = spec.family(index);
        Pattern pattern = family.draw(random, pixel);
        Palette palette = family.palette(random);
        double contrast = random.nextDouble(0.6, 1);
        double grain = random.nextDouble(0, 0.08);

        double[] mean = palette.mean();
        double[] rgb = new double[3];
        int plane = size * size;
        byte[] sample = new byte[3 * plane];
        for (int y = 0; y < size; y++) {
            double cy = (y + 0.5) * pixel - span / 2;
            for (int x = 0; x < size; x++) {
                double cx = (x + 0.5) * pixel - span / 2;
                palette.colour(pattern.at(cos * cx - sin * cy, sin * cx + cos * cy), rgb);
                // Triangular noise, the same on every channel, like film grain.
                double noise = grain * (random.nextDouble() - random.nextDouble());
                int at = y * size + x;
                for (int c = 0; c < 3; c++) {
                    double value = mean[c] + contrast * (rgb[c] - mean[c]) + noise;
                    sample[at + c * plane] = (byte) Math.round(Shapes.clamp01(value) * 255);
                }
            }
        }
        return sample;
    }

    /** A seed for one sample that mixes the set's seed with the index (SplitMix64 finaliser). */
    private static long sampleSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        for (int round = 0; round < 2; round++) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }
}
