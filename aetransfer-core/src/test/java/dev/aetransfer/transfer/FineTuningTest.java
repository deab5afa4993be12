package dev.aetransfer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.ModelFileException;
import dev.aetransfer.model.Presets;
import dev.aetransfer.model.Provenance;
import dev.aetransfer.testing.TinyData;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuningTest {

    private static final SampleShape SHAPE = new SampleShape(1, 16, 16);

    private static Path pretrained(Path dir) {
        Path file = dir.resolve("source.aet");
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-ae", SHAPE, 4), 2)) {
            ModelFile.save(
                    model, Provenance.builder().setData("source", "sha256:1", 10).build(), file);
        }
        return file;
    }

    private static TrainingRequest request(Path out) {
        return TrainingRequest.builder()
                .setData(TinyData.stripes(SHAPE, 2, 10, 4))
                .setConfig(TrainingConfig.builder().optEpochs(2).optBatchSize(8).build())
                .setOutput(out)
                .build();
    }

    @Test
    void fineTunedModel_namesItsParentStrategyAndFrozenStages(@TempDir Path dir) {
        Path parent = pretrained(dir);
        Path out = dir.resolve("tuned.aet");

        FineTuning.run(
                request(out), parent, Strategy.parse("freeze-encoder"), TransferOptions.defaults());

        try (Autoencoder tuned = ModelFile.load(out)) {
            Provenance provenance = tuned.provenance();
            assertThat(provenance.parent()).isEqualTo("source.aet");
            assertThat(provenance.parentSha256()).isEqualTo(ModelFile.sha256(parent));
            assertThat(provenance.strategy()).isEqualTo("freeze-encoder");
            assertThat(provenance.frozenStages())
                    .containsExactly("encoder.0", "encoder.1", "latent");
            assertThat(provenance.epochs()).isEqualTo(2);
        }
        assertThat(dir.resolve("tuned.metrics.csv")).exists();
    }

    @Test
    void aPretrainedFileThatIsNotAModel_isRefused(@TempDir Path dir) throws IOException {
        Path notModel = Files.writeString(dir.resolve("notes.aet"), "hello");

        assertThatThrownBy(
                        () ->
                                FineTuning.run(
                                        request(dir.resolve("tuned.aet")),
                                        notModel,
                                        Strategy.parse("full"),
                                        TransferOptions.defaults()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("notes.aet: not a complete zip archive");
    }

    @Test
    void dataOfAnotherShape_isRefusedWithBothShapes(@TempDir Path dir) {
        Path parent = pretrained(dir);
        TrainingRequest request =
                TrainingRequest.builder()
                        .setData(TinyData.stripes(new SampleShape(3, 16, 16), 2, 4, 1))
                        .setConfig(TrainingConfig.builder().optEpochs(1).build())
                        .setOutput(dir.resolve("tuned.aet"))
                        .build();

        assertThatThrownBy(
                        () ->
                                FineTuning.run(
                                        request,
                                        parent,
                                        Strategy.parse("full"),
                                        TransferOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        """
                        data tiny-stripes has samples of shape 3x16x16 but the pretrained model \
                        takes 1x16x16; see --adapt-input""");
    }
}
