package dev.aetransfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.SampleShape;
import dev.aetransfer.testing.TinyData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoencoderBlockTest {

    private static final SampleShape IMAGE = new SampleShape(3, 16, 16);

    @ParameterizedTest
    @ValueSource(strings = {"dense-ae", "dense-vae", "conv-ae", "conv-vae"})
    void presets_haveTheNamedStages(String preset) {
        AutoencoderSpec spec = Presets.named(preset, IMAGE, 8);
        try (Autoencoder model = Autoencoder.create(spec, 1)) {
            List<String> names = model.block().stageNames();
            assertThat(names).startsWith("encoder.0").contains("latent", "decoder.0");
            assertThat(names.get(names.size() - 1)).isEqualTo("decoder.out");
            assertThat(model.stageParameterCounts().values()).allMatch(count -> count > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense-ae", "dense-vae", "conv-ae", "conv-vae"})
    void reconstruct_keepsTheInputShapeAndRange(String preset) {
        var data = TinyData.stripes(IMAGE, 2, 3, 7);
        try (Autoencoder model = Autoencoder.create(Presets.named(preset, IMAGE, 8), 1)) {
            float[][] reconstructions = model.reconstruct(data, new int[] {0, 1, 2});
            assertThat(reconstructions).hasNumberOfRows(3);
            assertThat(reconstructions[0]).hasSize(IMAGE.volume());
            for (float value : reconstructions[1]) {
                assertThat(value).isBetween(0f, 1f);
            }
            float[][] means = model.encode(data, 4);
            assertThat(means).hasNumberOfRows(6);
            assertThat(means[5]).hasSize(8);
        }
    }

    @Test
    void convPreset_sizesStagesForTheInput() {
        AutoencoderSpec spec = Presets.named("conv-vae", new SampleShape(1, 28, 28), 16);
        assertThat(spec.encoderWidths()).containsExactly(32, 64, 128);
        assertThat(spec.decoderWidths()).containsExactly(128, 64, 32);
        assertThat(spec.encodedSize(2)).containsExactly(4, 4);
        assertThat(Presets.named("conv-ae", new SampleShape(3, 64, 64), 16).encoderWidths())
                .containsExactly(32, 64, 128, 256);
    }

    @Test
    void adapters_leaveTheOutputUnchangedAtFirst() {
        var data = TinyData.stripes(IMAGE, 2, 2, 3);
        AutoencoderSpec spec = Presets.named("conv-ae", IMAGE, 8);
        try (Autoencoder plain = Autoencoder.create(spec, 5);
                Autoencoder adapted = Autoencoder.create(spec.withAdapters(4), 5)) {
            assertThat(adapted.block().stageNames()).contains("adapter.pre", "adapter.post");
            copyStages(plain, adapted);
            assertThat(adapted.reconstruct(data, new int[] {0, 1}))
                    .isDeepEqualTo(plain.reconstruct(data, new int[] {0, 1}));
        }
    }

    private static void copyStages(Autoencoder from, Autoencoder to) {
        for (String stage : from.block().stageNames()) {
            var source = from.block().stage(stage).getParameters();
            var target = to.block().stage(stage).getParameters();
            for (int i = 0; i < source.size(); i++) {
                source.get(i).getValue().getArray().copyTo(target.get(i).getValue().getArray());
            }
        }
    }

    @Test
    void presets_refuseUnknownNamesAndVectorsForConv() {
        assertThatThrownBy(() -> Presets.named("conv-gan", IMAGE, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown model conv-gan; choose one of dense-ae, "
                                + "dense-vae, conv-ae, conv-vae or a spec .json file");
        assertThatThrownBy(() -> Presets.named("conv-vae", SampleShape.vector(20), 8))
                .hasMessageContaining("needs images of at least 8x8, got 1x1x20");
    }

    @Test
    void spec_refusesANonPositiveLatent() {
        assertThatThrownBy(() -> Presets.named("dense-ae", IMAGE, 0))
                .hasMessage("latent size must be positive, got 0");
    }
}
