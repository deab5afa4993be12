package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aetransfer.data.SampleShape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconstructionAccumulatorTest {

    private static final SampleShape SHAPE = new SampleShape(2, 11, 13);

    @Test
    void result_batchesOfAnySize_equalsWholeSet() {
        Random random = new Random(3);
        float[][] originals = ReconstructionMetricsTest.randomImages(7, SHAPE, random);
        float[][] reconstructions = ReconstructionMetricsTest.randomImages(7, SHAPE, random);
        ReconstructionMetrics whole = ReconstructionMetrics.of(originals, reconstructions, SHAPE);

        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);
        accumulator.add(slice(originals, 0, 3), slice(reconstructions, 0, 3));
        accumulator.add(slice(originals, 3, 3), slice(reconstructions, 3, 3));
        accumulator.add(originals[3], reconstructions[3]);
        accumulator.add(slice(originals, 4, 7), slice(reconstructions, 4, 7));
        ReconstructionMetrics streamed = accumulator.result();

        assertThat(streamed.images()).isEqualTo(7);
        assertThat(streamed.mse()).isCloseTo(whole.mse(), within(1e-12));
        assertThat(streamed.psnr()).isCloseTo(whole.psnr(), within(1e-9));
        assertThat(streamed.ssim().orElseThrow())
                .isCloseTo(whole.ssim().orElseThrow(), within(1e-12));
    }

    @Test
    void result_nothingAdded_throwsIllegalState() {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);

        assertThatThrownBy(accumulator::result)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no images added yet");
    }

    @Test
    void add_valueAboveOne_throwsWithImageAndIndexAndAddsNothing() {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);
        float[][] originals = new float[2][SHAPE.volume()];
        float[][] reconstructions = new float[2][SHAPE.volume()];
        reconstructions[1][17] = 1.5f;

        assertThatThrownBy(() -> accumulator.add(originals, reconstructions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "reconstructions: image 1 of the batch has value 1.5 at index 17");
        assertThat(accumulator.images()).isZero();
    }

    @Test
    void add_nanValue_throws() {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);
        float[] original = new float[SHAPE.volume()];
        original[0] = Float.NaN;

        assertThatThrownBy(() -> accumulator.add(original, new float[SHAPE.volume()]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("originals: image 0 of the batch has value NaN at index 0");
    }

    @Test
    void add_wrongLength_throwsWithShape() {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);

        assertThatThrownBy(() -> accumulator.add(new float[10], new float[SHAPE.volume()]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "image 0 of the batch has 10 values, expected 286 for shape 2x11x13");
    }

    @Test
    void add_countsDiffer_throws() {
        ReconstructionAccumulator accumulator = new ReconstructionAccumulator(SHAPE);

        assertThatThrownBy(
                        () ->
                                accumulator.add(
                                        new float[2][SHAPE.volume()], new float[3][SHAPE.volume()]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 2 originals but 3 reconstructions");
    }

    private static float[][] slice(float[][] rows, int from, int to) {
        return Arrays.copyOfRange(rows, from, to);
    }
}
