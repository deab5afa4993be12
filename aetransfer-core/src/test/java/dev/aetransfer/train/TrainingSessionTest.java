package dev.aetransfer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.TrainingDivergedException;
import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.ModelKind;
import dev.aetransfer.model.OutputKind;
import dev.aetransfer.model.Presets;
import dev.aetransfer.model.Provenance;
import dev.aetransfer.testing.TinyData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {

    private static final SampleShape SHAPE = new SampleShape(1, 16, 16);
    private static final SampleSet DATA = TinyData.stripes(SHAPE, 2, 24, 11);

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder()
                .optEpochs(4)
                .optBatchSize(8)
                .optLearningRate(3e-3f)
                .optSchedule(Schedule.COSINE)
                .optValidationFraction(0.25)
                .optSeed(5);
    }

    private static TrainingRequest request(Path out, TrainingConfig config, boolean resume) {
        return TrainingRequest.builder()
                .setData(DATA)
                .optSpec(Presets.named("conv-vae", SHAPE, 4))
                .setConfig(config)
                .setOutput(out)
                .optResume(resume)
                .optOverwrite(resume)
                .build();
    }

    @Test
    void pretraining_lowersTheLossAndWritesModelMetricsAndCheckpoints(@TempDir Path dir) {
        Path out = dir.resolve("model.aet");

        TrainingResult result = Pretraining.run(request(out, config().build(), false));

        List<EpochMetrics> history = result.history();
        assertThat(history).hasSize(4);
        assertThat(history.get(3).loss()).isLessThan(history.get(0).loss());
        assertThat(history.get(3).validationMse()).isLessThan(history.get(0).validationMse());
        assertThat(out).exists();
        assertThat(dir.resolve("model.metrics.csv"))
                .content()
                .startsWith(MetricsCsv.HEADER)
                .hasLineCount(5);
        assertThat(new Checkpoints(dir.resolve("model.aet.checkpoints")).list())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("epoch-0004.ckpt", "epoch-0003.ckpt");
        try (Autoencoder loaded = ModelFile.load(out)) {
            Provenance provenance = loaded.provenance();
            assertThat(provenance.epochs()).isEqualTo(4);
            assertThat(provenance.dataFingerprint()).startsWith("sha256:");
            assertThat(provenance.metrics()).containsKeys("loss", "val_loss", "val_mse");
            assertThat(provenance.training()).containsEntry("batchSize", 8);
        }
    }

    @Test
    void resume_afterAKill_endsWhereAnUninterruptedRunEnds(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole.aet");
        Pretraining.run(request(whole, config().build(), false));

        Path resumed = dir.resolve("resumed.aet");
        TrainingRequest killed =
                TrainingRequest.builder()
                        .setData(DATA)
                        .optSpec(Presets.named("conv-vae", SHAPE, 4))
                        .setConfig(config().build())
                        .setOutput(resumed)
                        .optProgress(killAfterEpoch(2))
                        .build();
        assertThatThrownBy(() -> Pretraining.run(killed)).hasMessage("killed");
        assertThat(resumed).doesNotExist();

        // A write interrupted while the next checkpoint was being written leaves a temporary file.
        Path checkpoints = dir.resolve("resumed.aet.checkpoints");
        Files.write(checkpoints.resolve(".epoch-0003.ckpt123.partial"), new byte[] {1, 2, 3});
        TrainingResult result = Pretraining.run(request(resumed, config().build(), true));

        assertThat(result.history()).hasSize(4);
        try (Autoencoder a = ModelFile.load(whole);
                Autoencoder b = ModelFile.load(resumed)) {
            assertThat(ModelFile.parameterBytes(b)).isEqualTo(ModelFile.parameterBytes(a));
        }
    }

    @Test
    void resume_skipsADamagedNewestCheckpoint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.aet");
        Pretraining.run(request(out, config().optEpochs(2).build(), false));
        Path checkpoints = dir.resolve("model.aet.checkpoints");
        Path newest = checkpoints.resolve("epoch-0002.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));

        Checkpoints.Loaded loaded = new Checkpoints(checkpoints).loadNewest().orElseThrow();

        assertThat(loaded.file().getFileName().toString()).isEqualTo("epoch-0001.ckpt");
        assertThat(loaded.progress().state().epochsDone()).isEqualTo(1);
        loaded.model().close();
    }

    @Test
    void run_refusesToOverwriteAnEarlierRunsCheckpoints(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.aet");
        Pretraining.run(request(out, config().optEpochs(1).build(), false));
        Files.delete(out);

        assertThatThrownBy(() -> Pretraining.run(request(out, config().build(), false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds an earlier run's checkpoints; pass --resume");
    }

    @Test
    void run_refusesToReplaceAnExistingModel(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.aet");
        Files.writeString(out, "precious");

        assertThatThrownBy(() -> Pretraining.run(request(out, config().build(), false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        out + " exists; choose another --out or pass --overwrite to replace it");
        assertThat(out).hasContent("precious");
    }

    @Test
    void nanLoss_stopsWithTheEpochAndStep(@TempDir Path dir) {
        float[] values = new float[12 * 4];
        Arrays.fill(values, 0.5f);
        values[5] = Float.NaN;
        SampleSet vectors = InMemorySampleSet.ofFloats(SampleShape.vector(4), values, "nan.csv");
        AutoencoderSpec spec =
                AutoencoderSpec.builder()
                        .setKind(ModelKind.DENSE)
                        .setInputShape(SampleShape.vector(4))
                        .optEncoderWidths(List.of(8))
                        .optLatentSize(2)
                        .optOutput(OutputKind.LINEAR)
                        .build();
        TrainingConfig config =
                config().optObjective(new Objective(ReconstructionLoss.MSE, 1f, 0, 0f))
                        .optBatchSize(12)
                        .build();
        try (Autoencoder model = Autoencoder.create(spec, 1)) {
            TrainingSession session =
                    TrainingSession.builder()
                            .setModel(model)
                            .setConfig(config)
                            .setTrainBatches(
                                    SampleSetBatches.builder()
                                            .setSamples(vectors)
                                            .optBatchSize(12)
                                            .build())
                            .build();

            assertThatThrownBy(session::run)
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessage(
                            "the loss became NaN at epoch 1, step 1 of 1; training "
                                    + "stopped, the last good checkpoint is none, "
                                    + "no epoch completed");
        }
    }

    private static TrainingProgress killAfterEpoch(int epoch) {
        return new TrainingProgress() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                if (metrics.epoch() > epoch) {
                    throw new IllegalStateException("killed");
                }
            }
        };
    }
}
