package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aetransfer.data.SampleShape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SSIM against scikit-image. The pinned values come from scikit-image 0.19.3 (Debian's
 * python3-skimage, SciPy 1.10.1), run on float64 copies of the same float32 images this test
 * builds:
 *
 * <pre>
 * import numpy as np
 * from skimage.metrics import structural_similarity
 *
 * def h(i, salt):
 *     return (((i + 7919 * salt) * 2654435761) % 2**32) >> 24
 *
 * def image(codes, shape):
 *     return (np.asarray(codes, np.float32).reshape(shape) / np.float32(255)).astype(np.float64)
 *
 * def ssim(x, y):
 *     return structural_similarity(x, y, channel_axis=0, gaussian_weights=True, sigma=1.5,
 *                                  use_sample_covariance=False, data_range=1.0)
 *
 * def pair(shape, original, reconstruction):
 *     c, hh, w = shape
 *     idx = [(i, ch, r, col) for i, (ch, r, col) in enumerate(np.ndindex(c, hh, w))]
 *     x = [original(*t) for t in idx]
 *     y = [reconstruction(*t, x[t[0]]) for t in idx]
 *     return image(x, shape), image(y, shape)
 *
 * pairs = {
 *     "noisy": pair((1, 16, 16), lambda i, c, r, w: h(i, 1),
 *                   lambda i, c, r, w, x: min(255, max(0, x + h(i, 2) % 61 - 30))),
 *     "rgbBlend": pair((3, 32, 32), lambda i, c, r, w: (r * 7 + w * 3 + c * 50) % 256,
 *                      lambda i, c, r, w, x: (3 * x + h(i, 3)) // 4),
 *     "unrelated": pair((1, 11, 11), lambda i, c, r, w: h(i, 4),
 *                       lambda i, c, r, w, x: h(i, 5)),
 *     "inverted": pair((2, 12, 20), lambda i, c, r, w: (r * w + c * 31) % 256,
 *                      lambda i, c, r, w, x: 255 - x),
 * }
 * for name, (x, y) in pairs.items():
 *     print(name, repr(ssim(x, y)))
 * </pre>
 */
class SsimTest {

    private static final double SKIMAGE_TOLERANCE = 1e-4;

    /**
     * Byte code of pixel {@code (i, c, r, w)}: {@code i} the flat index, then channel, row, col.
     */
    private interface Pixel {
        int code(int i, int c, int r, int w);
    }

    /** Byte code of a reconstructed pixel, given the original's code {@code x}. */
    private interface Changed {
        int code(int i, int c, int r, int w, int x);
    }

    private static int hash(long i, long salt) {
        return (int) ((((i + 7919 * salt) * 2654435761L) & 0xFFFFFFFFL) >>> 24);
    }

    /** Original and reconstruction, as the Python snippet builds them. */
    private static float[][] pair(SampleShape shape, Pixel original, Changed reconstruction) {
        float[] x = new float[shape.volume()];
        float[] y = new float[shape.volume()];
        int i = 0;
        for (int c = 0; c < shape.channels(); c++) {
            for (int r = 0; r < shape.height(); r++) {
                for (int w = 0; w < shape.width(); w++) {
                    int code = original.code(i, c, r, w);
                    x[i] = code / 255f;
                    y[i] = reconstruction.code(i, c, r, w, code) / 255f;
                    i++;
                }
            }
        }
        return new float[][] {x, y};
    }

    @Test
    void of_noisyGreyImage_matchesScikitImage() {
        SampleShape shape = new SampleShape(1, 16, 16);
        float[][] p =
                pair(
                        shape,
                        (i, c, r, w) -> hash(i, 1),
                        (i, c, r, w, x) -> Math.min(255, Math.max(0, x + hash(i, 2) % 61 - 30)));

        assertThat(Ssim.of(p[0], p[1], shape))
                .isCloseTo(0.973775102325697, within(SKIMAGE_TOLERANCE));
    }

    @Test
    void of_blendedColourImage_matchesScikitImage() {
        SampleShape shape = new SampleShape(3, 32, 32);
        float[][] p =
                pair(
                        shape,
                        (i, c, r, w) -> (r * 7 + w * 3 + c * 50) % 256,
                        (i, c, r, w, x) -> (3 * x + hash(i, 3)) / 4);

        assertThat(Ssim.of(p[0], p[1], shape))
                .isCloseTo(0.5349912752564717, within(SKIMAGE_TOLERANCE));
    }

    @Test
    void of_unrelatedImagesOfWindowSize_matchesScikitImage() {
        SampleShape shape = new SampleShape(1, 11, 11);
        float[][] p = pair(shape, (i, c, r, w) -> hash(i, 4), (i, c, r, w, x) -> hash(i, 5));

        assertThat(Ssim.of(p[0], p[1], shape))
                .isCloseTo(0.01211436411262964, within(SKIMAGE_TOLERANCE));
    }

    @Test
    void of_invertedNonSquareImage_matchesScikitImage() {
        SampleShape shape = new SampleShape(2, 12, 20);
        float[][] p =
                pair(shape, (i, c, r, w) -> (r * w + c * 31) % 256, (i, c, r, w, x) -> 255 - x);

        assertThat(Ssim.of(p[0], p[1], shape))
                .isCloseTo(-0.5061174947426257, within(SKIMAGE_TOLERANCE));
    }

    @Test
    void of_identicalImages_isOne() {
        SampleShape shape = new SampleShape(3, 16, 12);
        float[][] p = pair(shape, (i, c, r, w) -> hash(i, 6), (i, c, r, w, x) -> x);

        assertThat(Ssim.of(p[0], p[0].clone(), shape)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void of_identicalConstantImages_isOne() {
        SampleShape shape = new SampleShape(1, 11, 11);
        float[] flat = new float[shape.volume()];
        Arrays.fill(flat, 0.5f);

        assertThat(Ssim.of(flat, flat.clone(), shape)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void of_channelsDiffer_averagesPerChannelValues() {
        SampleShape colour = new SampleShape(2, 12, 12);
        SampleShape grey = new SampleShape(1, 12, 12);
        float[][] p =
                pair(
                        colour,
                        (i, c, r, w) -> hash(i, 7),
                        (i, c, r, w, x) -> c == 0 ? x : hash(i, 8));
        int plane = grey.volume();
        float[][] first = {Arrays.copyOfRange(p[0], 0, plane), Arrays.copyOfRange(p[1], 0, plane)};
        float[][] second = {
            Arrays.copyOfRange(p[0], plane, 2 * plane), Arrays.copyOfRange(p[1], plane, 2 * plane)
        };

        double expected =
                (Ssim.of(first[0], first[1], grey) + Ssim.of(second[0], second[1], grey)) / 2;
        assertThat(Ssim.of(p[0], p[1], colour)).isCloseTo(expected, within(1e-12));
        assertThat(Ssim.of(second[0], second[1], grey)).isLessThan(0.5);
    }

    @Test
    void applies_imagesAndVectors_onlyFromWindowSizeUp() {
        assertThat(Ssim.applies(new SampleShape(3, 11, 11))).isTrue();
        assertThat(Ssim.applies(new SampleShape(1, 10, 32))).isFalse();
        assertThat(Ssim.applies(SampleShape.vector(784))).isFalse();
    }

    @Test
    void of_imageSmallerThanWindow_throwsWithShape() {
        SampleShape shape = new SampleShape(1, 8, 8);
        float[] image = new float[shape.volume()];

        assertThatThrownBy(() -> Ssim.of(image, image, shape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "SSIM needs images of at least 11x11 pixels, got shape 1x8x8");
    }

    @Test
    void of_wrongLength_throwsWithCounts() {
        SampleShape shape = new SampleShape(1, 11, 11);

        assertThatThrownBy(() -> Ssim.of(new float[121], new float[120], shape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "SSIM: reconstruction has 120 values, expected 121 for shape 1x11x11");
    }
}
