package dev.aetransfer.eval;

import dev.aetransfer.data.SampleShape;
import java.util.OptionalDouble;

/**
 * Reconstruction quality over a set of images with values in [0, 1].
 *
 * @param images how many images the figures cover, at least 1
 * @param mse per-pixel mean squared error over every value of every image, at least 0
 * @param psnr peak signal-to-noise ratio in dB for data range 1, {@code 10·log10(1 / mse)} of the
 *     pooled {@code mse} (not a mean of per-image PSNRs); {@link Double#POSITIVE_INFINITY} when
 *     {@code mse} is 0
 * @param ssim mean over images of the per-image {@link Ssim}; empty when the images are smaller
 *     than the SSIM window (vectors, for instance)
 */
public record ReconstructionMetrics(long images, double mse, double psnr, OptionalDouble ssim) {

    public ReconstructionMetrics {
        if (images < 1) {
            throw new IllegalArgumentException(
                    String.format("metrics must cover at least 1 image, got %d", images));
        }
        if (!(mse >= 0) || Double.isInfinite(mse)) {
            throw new IllegalArgumentException(
                    String.format("MSE must be finite and at least 0, got %s", mse));
        }
    }

    /**
     * Metrics of a whole set held in memory: {@code originals[i]} against {@code
     * reconstructions[i]}, each {@code shape.volume()} values in [0, 1], {@code C×H×W}.
     *
     * @throws IllegalArgumentException if the arrays are empty, do not pair up, or hold a value
     *     outside [0, 1]
     */
    public static ReconstructionMetrics of(
            float[][] originals, float[][] reconstructions, SampleShape shape) {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(shape);
        accumulator.add(originals, reconstructions);
        if (accumulator.images() == 0) {
            throw new IllegalArgumentException("reconstruction metrics need at least 1 image");
        }
        return accumulator.result();
    }

    /**
     * PSNR in dB for data range 1: {@code 10·log10(1 / mse)}, {@link Double#POSITIVE_INFINITY} for
     * an MSE of 0.
     */
    public static double psnr(double mse) {
        return mse == 0 ? Double.POSITIVE_INFINITY : -10 * Math.log10(mse);
    }

    /**
     * Held-out MSE minus training MSE: positive when the model reconstructs its training images
     * better than unseen ones, the usual sign of overfitting.
     */
    public static double overfitGap(ReconstructionMetrics training, ReconstructionMetrics heldOut) {
        return heldOut.mse() - training.mse();
    }
}
