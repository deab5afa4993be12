package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aetransfer.data.SampleShape;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconstructionMetricsTest {

    @Test
    void of_handComputedVectors_givesPooledMseAndPsnr() {
        SampleShape shape = SampleShape.vector(4);
        float[][] originals = {{0f, 0f, 0f, 0f}, {1f, 1f, 1f, 1f}};
        float[][] reconstructions = {{0.5f, 0f, 0f, 0f}, {1f, 1f, 1f, 0.75f}};

        ReconstructionMetrics metrics = ReconstructionMetrics.of(originals, reconstructions, shape);

        // (0.25 + 0.0625) / 8 values
        assertThat(metrics.mse()).isCloseTo(0.0390625, within(1e-12));
        assertThat(metrics.psnr()).isCloseTo(10 * Math.log10(25.6), within(1e-9));
        assertThat(metrics.images()).isEqualTo(2);
        assertThat(metrics.ssim()).isEmpty();
    }

    @Test
    void psnr_tenthMse_isTenDecibels() {
        assertThat(ReconstructionMetrics.psnr(0.1)).isCloseTo(10.0, within(1e-12));
        assertThat(ReconstructionMetrics.psnr(0.01)).isCloseTo(20.0, within(1e-12));
        assertThat(ReconstructionMetrics.psnr(1.0)).isEqualTo(0.0);
    }

    @Test
    void of_identicalImages_givesZeroMseInfinitePsnrAndSsimOne() {
        SampleShape shape = new SampleShape(3, 12, 12);
        float[][] images = randomImages(4, shape, new Random(1));

        ReconstructionMetrics metrics = ReconstructionMetrics.of(images, images, shape);

        assertThat(metrics.mse()).isZero();
        assertThat(metrics.psnr()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metrics.ssim().orElseThrow()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void of_images_ssimIsMeanOfPerImageSsim() {
        SampleShape shape = new SampleShape(1, 14, 14);
        Random random = new Random(2);
        float[][] originals = randomImages(3, shape, random);
        float[][] reconstructions = randomImages(3, shape, random);

        ReconstructionMetrics metrics = ReconstructionMetrics.of(originals, reconstructions, shape);

        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += Ssim.of(originals[i], reconstructions[i], shape) / 3;
        }
        assertThat(metrics.ssim().orElseThrow()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void overfitGap_heldOutWorse_isPositiveDifference() {
        ReconstructionMetrics training =
                new ReconstructionMetrics(10, 0.01, 20, OptionalDouble.empty());
        ReconstructionMetrics heldOut =
                new ReconstructionMetrics(5, 0.025, 16, OptionalDouble.empty());

        assertThat(ReconstructionMetrics.overfitGap(training, heldOut))
                .isCloseTo(0.015, within(1e-12));
    }

    @Test
    void of_noImages_throws() {
        assertThatThrownBy(
                        () ->
                                ReconstructionMetrics.of(
                                        new float[0][], new float[0][], SampleShape.vector(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reconstruction metrics need at least 1 image");
    }

    @Test
    void constructor_negativeMse_throws() {
        assertThatThrownBy(() -> new ReconstructionMetrics(1, -0.5, 0, OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MSE must be finite and at least 0, got -0.5");
    }

    static float[][] randomImages(int n, SampleShape shape, Random random) {
        float[][] images = new float[n][shape.volume()];
        for (float[] image : images) {
            for (int j = 0; j < image.length; j++) {
                image[j] = random.nextFloat();
            }
        }
        return images;
    }
}
