package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.Presets;
import dev.aetransfer.model.Provenance;
import dev.aetransfer.testing.TinyData;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.transfer.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonRunnerTest {

    private static final SampleShape SHAPE = new SampleShape(1, 16, 16);
    private static final String NO_HELD_OUT =
            "data tiny-stripes has no held-out split; use --split, --test-data or train/ and test/";

    private static Path pretrained(Path dir) {
        Path file = dir.resolve("source.aet");
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", SHAPE, 4), 3)) {
            ModelFile.save(model, Provenance.builder().setData("s", "sha256:0", 1).build(), file);
        }
        return file;
    }

    private static TrainTestSplit target() {
        return new TrainTestSplit(
                TinyData.stripes(SHAPE, 3, 8, 1), TinyData.stripes(SHAPE, 3, 4, 2));
    }

    @Test
    void run_measuresEveryStrategyOverSeeds_andTheBaselines(@TempDir Path dir) {
        ComparisonResult result =
                ComparisonRunner.builder()
                        .setPretrained(pretrained(dir))
                        .setTarget(target())
                        .setConfig(TrainingConfig.builder().optEpochs(2).optBatchSize(8).build())
                        .optStrategies(
                                Strategy.parseList("scratch,pretrained,freeze-encoder,adapters"))
                        .optSeeds(2)
                        .optGridImages(4)
                        .build()
                        .run();

        List<String> names = new ArrayList<>();
        result.rows().forEach(row -> names.add(row.name()));
        assertThat(names)
                .containsExactly(
                        "scratch", "pretrained", "freeze-encoder", "adapters", "pca", "raw-pixels");
        for (ComparisonRow row : result.rows()) {
            assertThat(row.probeAccuracy().mean()).as(row.name()).isBetween(0.0, 1.0);
            if (row.kind() == RowKind.STRATEGY) {
                assertThat(row.seeds()).isEqualTo(2);
                assertThat(row.reconMse().mean()).as(row.name()).isPositive();
                assertThat(row.kl()).as(row.name()).isNotNull();
            }
        }
        ComparisonRow pretrainedRow = result.row("pretrained");
        assertThat(pretrainedRow.trainableParams()).isZero();
        // Strategies that keep the encoder frozen keep the pretrained features exactly.
        assertThat(result.row("freeze-encoder").probeAccuracy().mean())
                .isEqualTo(pretrainedRow.probeAccuracy().mean());
        assertThat(result.row("adapters").trainableParams())
                .isPositive()
                .isLessThan(result.row("scratch").trainableParams());
        assertThat(result.curves()).hasSize(3);
        assertThat(result.grid().reconstructions()).containsKeys("scratch", "pca");
        assertThat(result.projections()).hasSize(5);
        assertThat(result.recommended())
                .isIn("scratch", "pretrained", "freeze-encoder", "adapters");
        assertThat(result.context().trainSize()).isEqualTo(24);
    }

    @Test
    void build_refusesEarlyStopping() {
        assertThatThrownBy(
                        () ->
                                ComparisonRunner.builder()
                                        .setPretrained(Path.of("m.aet"))
                                        .setTarget(target())
                                        .setConfig(TrainingConfig.builder().optPatience(3).build())
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "compare does not stop early; --patience 3 is for pretrain and finetune");
    }

    @Test
    void run_withoutHeldOutData_saysHowToGetSome(@TempDir Path dir) {
        TrainTestSplit noTest =
                new TrainTestSplit(
                        TinyData.stripes(SHAPE, 2, 4, 1),
                        InMemorySampleSet.ofBytes(SHAPE, new byte[0], "none"));
        ComparisonRunner runner =
                ComparisonRunner.builder()
                        .setPretrained(pretrained(dir))
                        .setTarget(noTest)
                        .setConfig(TrainingConfig.builder().optEpochs(1).build())
                        .build();

        assertThatThrownBy(runner::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(NO_HELD_OUT);
    }
}
