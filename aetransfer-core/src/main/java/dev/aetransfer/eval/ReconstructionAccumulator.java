package dev.aetransfer.eval;

import dev.aetransfer.data.SampleShape;
import java.util.OptionalDouble;

/**
 * Streams image pairs in batches and gives {@link ReconstructionMetrics} at the end, holding only
 * running sums: feed it batch after batch of originals and their reconstructions, then call {@link
 * #result()}. The figures equal those of {@link ReconstructionMetrics#of} on all images at once,
 * whatever the batching.
 *
 * <p>Not thread-safe: one accumulator per thread, or synchronise around it.
 */
public final class ReconstructionAccumulator {

    private final SampleShape shape;
    private final boolean withSsim;
    private long images;
    private double squaredError;
    private double ssimSum;

    /** An empty accumulator for images of {@code shape}. */
    public ReconstructionAccumulator(SampleShape shape) {
        this.shape = shape;
        this.withSsim = Ssim.applies(shape);
    }

    /**
     * Adds a batch: {@code originals[i]} against {@code reconstructions[i]}, each {@code
     * shape.volume()} values in [0, 1], {@code C×H×W}. An empty batch adds nothing.
     *
     * @throws IllegalArgumentException if the batch does not pair up, an image has the wrong number
     *     of values or a value outside [0, 1]; nothing of that batch is added
     */
    public void add(float[][] originals, float[][] reconstructions) {
        Checks.sameCount(originals, reconstructions);
        Checks.images("originals", originals, shape);
        Checks.images("reconstructions", reconstructions, shape);
        for (int i = 0; i < originals.length; i++) {
            accumulate(originals[i], reconstructions[i]);
        }
    }

    /**
     * Adds one image pair, each {@code shape.volume()} values in [0, 1].
     *
     * @throws IllegalArgumentException if an image has the wrong number of values or a value
     *     outside [0, 1]
     */
    public void add(float[] original, float[] reconstruction) {
        add(new float[][] {original}, new float[][] {reconstruction});
    }

    /** How many image pairs were added so far. */
    public long images() {
        return images;
    }

    /**
     * Metrics of every pair added so far; the accumulator stays usable.
     *
     * @throws IllegalStateException if nothing was added yet
     */
    public ReconstructionMetrics result() {
        if (images == 0) {
            throw new IllegalStateException("no images added yet: call add before result");
        }
        double mse = squaredError / ((double) images * shape.volume());
        OptionalDouble ssim =
                withSsim ? OptionalDouble.of(ssimSum / images) : OptionalDouble.empty();
        return new ReconstructionMetrics(images, mse, ReconstructionMetrics.psnr(mse), ssim);
    }

    private void accumulate(float[] original, float[] reconstruction) {
        double sum = 0;
        for (int j = 0; j < original.length; j++) {
            double d = (double) original[j] - reconstruction[j];
            sum += d * d;
        }
        squaredError += sum;
        if (withSsim) {
            ssimSum += Ssim.of(original, reconstruction, shape);
        }
        images++;
    }
}
