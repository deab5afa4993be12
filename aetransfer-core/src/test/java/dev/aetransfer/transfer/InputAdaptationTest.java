package dev.aetransfer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.testing.TinyData;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputAdaptationTest {

    private static final SampleSet GREY = TinyData.stripes(new SampleShape(1, 8, 8), 2, 2, 1);

    @Test
    void adapt_withoutPermission_namesBothShapesAndTheRemedy() {
        assertThatThrownBy(
                        () ->
                                InputAdaptation.adapt(
                                        GREY,
                                        new SampleShape(3, 16, 16),
                                        EnumSet.noneOf(InputAdaptation.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        """
                        data tiny-stripes has samples of shape 1x8x8 but the model takes \
                        3x16x16; convert them with --adapt-input resize,rgb""");
    }

    @Test
    void adapt_resizesAndCopiesGreyToThreeChannels_keepingLabels() {
        SampleSet adapted =
                InputAdaptation.adapt(
                        GREY, new SampleShape(3, 16, 16), InputAdaptation.parse("resize,rgb"));

        assertThat(adapted.shape()).isEqualTo(new SampleShape(3, 16, 16));
        assertThat(adapted.classNames()).isEqualTo(GREY.classNames());
        assertThat(adapted.label(1)).isEqualTo(GREY.label(1));
        float[] values = new float[3 * 256];
        adapted.read(0, values, 0);
        for (int p = 0; p < 256; p++) {
            assertThat(values[256 + p]).isEqualTo(values[p]);
        }
    }

    @Test
    void gray_usesLuminanceWeights() {
        byte[] pixel = {(byte) 255, 0, 0};
        SampleSet red =
                InMemorySampleSet.ofBytes(new SampleShape(3, 1, 1), pixel, "red")
                        .withLabels(new int[] {0}, List.of("red"));
        SampleSet grey =
                InputAdaptation.adapt(red, new SampleShape(1, 1, 1), InputAdaptation.parse("gray"));
        float[] value = new float[1];
        grey.read(0, value, 0);
        assertThat(value[0] * 255).isEqualTo(76f);
    }

    @Test
    void parse_refusesUnknownConversions() {
        assertThatThrownBy(() -> InputAdaptation.parse("resize,sepia"))
                .hasMessage("--adapt-input: unknown conversion sepia; use resize, gray or rgb");
    }
}
