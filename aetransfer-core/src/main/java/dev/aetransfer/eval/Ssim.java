package dev.aetransfer.eval;

import dev.aetransfer.data.SampleShape;
import java.util.Arrays;

/**
 * Structural similarity (SSIM) as Wang et al. 2004 define it: a Gaussian window of 11 × 11 pixels
 * with σ 1.5, K1 0.01, K2 0.03, data range 1 and population (not sample) covariances.
 *
 * <p>The SSIM map is computed only where the whole window lies inside the image, so an image of
 * {@code H × W} yields an {@code (H−10) × (W−10)} map; this is what scikit-image's {@code
 * structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
 * data_range=1.0)} reports after cropping its map by 5 pixels on every side. An image's SSIM is the
 * mean of its map, computed per channel, then averaged over channels. Values lie in [−1, 1];
 * identical images give 1.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ssim {

    /** Side of the square Gaussian window, in pixels. */
    public static final int WINDOW = 11;

    /** Standard deviation of the Gaussian window, in pixels. */
    public static final double SIGMA = 1.5;

    /** Stabiliser of the luminance term, as a fraction of the data range. */
    public static final double K1 = 0.01;

    /** Stabiliser of the contrast-structure term, as a fraction of the data range. */
    public static final double K2 = 0.03;

    private static final double C1 = K1 * K1;
    private static final double C2 = K2 * K2;
    private static final double[] KERNEL = gaussianKernel();

    private Ssim() {}

    /** True when images of this shape are at least {@value #WINDOW} pixels high and wide. */
    public static boolean applies(SampleShape shape) {
        return shape.height() >= WINDOW && shape.width() >= WINDOW;
    }

    /**
     * SSIM of one image pair, {@code C×H×W} row-major with values in [0, 1], averaged over
     * channels.
     *
     * @throws IllegalArgumentException if the shape is smaller than the window or an image does not
     *     have {@code shape.volume()} values
     */
    public static double of(float[] original, float[] reconstruction, SampleShape shape) {
        if (!applies(shape)) {
            throw new IllegalArgumentException(
                    String.format(
                            "SSIM needs images of at least %dx%d pixels, got shape %s",
                            WINDOW, WINDOW, shape));
        }
        checkLength("original", original, shape);
        checkLength("reconstruction", reconstruction, shape);

        int plane = shape.height() * shape.width();
        double sum = 0;
        for (int c = 0; c < shape.channels(); c++) {
            sum += channel(original, reconstruction, c * plane, shape.height(), shape.width());
        }
        return sum / shape.channels();
    }

    /** Mean SSIM map of one channel starting at {@code offset}. */
    private static double channel(float[] x, float[] y, int offset, int height, int width) {
        int outH = height - WINDOW + 1;
        int outW = width - WINDOW + 1;

        // Horizontal pass over every row, valid columns only: the window is separable.
        double[][] rows = new double[5][height * outW];
        for (int r = 0; r < height; r++) {
            int rowStart = offset + r * width;
            for (int col = 0; col < outW; col++) {
                double mx = 0;
                double my = 0;
                double mxx = 0;
                double myy = 0;
                double mxy = 0;
                for (int k = 0; k < WINDOW; k++) {
                    double w = KERNEL[k];
                    double a = x[rowStart + col + k];
                    double b = y[rowStart + col + k];
                    mx += w * a;
                    my += w * b;
                    mxx += w * a * a;
                    myy += w * b * b;
                    mxy += w * a * b;
                }
                int at = r * outW + col;
                rows[0][at] = mx;
                rows[1][at] = my;
                rows[2][at] = mxx;
                rows[3][at] = myy;
                rows[4][at] = mxy;
            }
        }

        // Vertical pass over the valid rows, then the SSIM formula at each point.
        double sum = 0;
        double[] m = new double[5];
        for (int r = 0; r < outH; r++) {
            for (int col = 0; col < outW; col++) {
                Arrays.fill(m, 0);
                for (int k = 0; k < WINDOW; k++) {
                    double w = KERNEL[k];
                    int at = (r + k) * outW + col;
                    for (int q = 0; q < 5; q++) {
                        m[q] += w * rows[q][at];
                    }
                }
                double ux = m[0];
                double uy = m[1];
                double vx = m[2] - ux * ux;
                double vy = m[3] - uy * uy;
                double vxy = m[4] - ux * uy;
                double numerator = (2 * ux * uy + C1) * (2 * vxy + C2);
                double denominator = (ux * ux + uy * uy + C1) * (vx + vy + C2);
                sum += numerator / denominator;
            }
        }
        return sum / ((double) outH * outW);
    }

    /** The normalised 1-D Gaussian of {@value #WINDOW} taps, as SciPy's {@code gaussian_filter}. */
    private static double[] gaussianKernel() {
        int radius = WINDOW / 2;
        double[] kernel = new double[WINDOW];
        double total = 0;
        for (int i = 0; i < WINDOW; i++) {
            double x = i - radius;
            kernel[i] = Math.exp(-0.5 * x * x / (SIGMA * SIGMA));
            total += kernel[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            kernel[i] /= total;
        }
        return kernel;
    }

    private static void checkLength(String what, float[] image, SampleShape shape) {
        if (image.length != shape.volume()) {
            throw new IllegalArgumentException(
                    String.format(
                            "SSIM: %s has %d values, expected %d for shape %s",
                            what, image.length, shape.volume(), shape));
        }
    }
}
