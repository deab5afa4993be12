package dev.aetransfer.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.Presets;
import dev.aetransfer.testing.TinyData;
import dev.aetransfer.train.EpochMetrics;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingResult;
import dev.aetransfer.train.TrainingSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FineTunerTest {

    private static final SampleShape SHAPE = new SampleShape(3, 16, 16);
    private static final SampleSet TARGET = TinyData.stripes(SHAPE, 3, 12, 21);
    private static Autoencoder pretrained;

    @BeforeAll
    static void pretrain() {
        pretrained = Autoencoder.create(Presets.named("conv-vae", SHAPE, 6), 17);
    }

    @AfterAll
    static void close() {
        pretrained.close();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder()
                .optEpochs(epochs)
                .optBatchSize(8)
                .optLearningRate(5e-3f)
                .optValidationFraction(0)
                .optSeed(3)
                .build();
    }

    private static FineTuner.TrainingData all(SampleSet data) {
        int[] indices = new int[data.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return new FineTuner.TrainingData(data, indices, data, indices);
    }

    private static Map<String, float[]> snapshot(Autoencoder model) {
        Map<String, float[]> values = new HashMap<>();
        for (Pair<String, Parameter> pair : model.block().getParameters()) {
            values.put(pair.getKey(), pair.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static TrainingResult train(
            Strategy strategy, TransferOptions options, Autoencoder model, int epochs) {
        FineTuner tuner = new FineTuner(strategy, config(epochs), options);
        return tuner.train(model, all(TARGET), TrainingSession.builder());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"freeze-encoder", "last-layer", "adapters", "freeze:encoder.*,decoder.1"})
    void frozenParameters_stayBitIdentical_andTrainableOnesChange(String name) {
        Strategy strategy = Strategy.parse(name);
        FineTuner tuner = new FineTuner(strategy, config(2), TransferOptions.defaults());
        try (Autoencoder model = tuner.prepare(pretrained)) {
            FreezePlan plan = tuner.plan(model, 0);
            Map<String, float[]> before = snapshot(model);

            tuner.train(model, all(TARGET), TrainingSession.builder());

            Map<String, float[]> after = snapshot(model);
            for (String parameter : before.keySet()) {
                String stage = model.block().stageOfParameter(parameter);
                if (plan.trains(stage)) {
                    if (!parameter.contains("running")) {
                        assertThat(after.get(parameter))
                                .as("%s of trainable %s", parameter, stage)
                                .isNotEqualTo(before.get(parameter));
                    }
                } else {
                    assertThat(after.get(parameter))
                            .as("%s of frozen %s", parameter, stage)
                            .isEqualTo(before.get(parameter));
                }
            }
        }
    }

    @Test
    void frozenEncoder_keepsItsLatentMeansAndNeedsNoGradient() {
        FineTuner tuner =
                new FineTuner(
                        Strategy.parse("freeze-encoder"),
                        config(2),
                        TransferOptions.defaults().withCache(false));
        try (Autoencoder model = tuner.prepare(pretrained)) {
            float[][] before = model.encode(TARGET, 16);

            tuner.train(model, all(TARGET), TrainingSession.builder());

            assertThat(model.encode(TARGET, 16)).isDeepEqualTo(before);
            for (Pair<String, Parameter> pair : model.block().getParameters()) {
                String stage = model.block().stageOfParameter(pair.getKey());
                if (stage.startsWith("encoder") || stage.equals("latent")) {
                    assertThat(pair.getValue().getArray().hasGradient())
                            .as("gradient of frozen %s", pair.getKey())
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"freeze-encoder", "last-layer", "gradual", "adapters"})
    void cachedPrefix_trainsLikeTheUncachedPath(String name) {
        Strategy strategy = Strategy.parse(name);
        TrainingConfig config =
                config(3).toBuilder().optAugmentation(Augmentation.parse("flip,rot90")).build();
        float[] cached;
        float[] uncached;
        List<EpochMetrics> cachedHistory;
        List<EpochMetrics> uncachedHistory;
        FineTuner withCache = new FineTuner(strategy, config, TransferOptions.defaults());
        try (Autoencoder model = withCache.prepare(pretrained)) {
            cachedHistory =
                    withCache.train(model, all(TARGET), TrainingSession.builder()).history();
            cached = flat(model.reconstruct(TARGET, new int[] {0, 1, 2}));
        }
        FineTuner withoutCache =
                new FineTuner(strategy, config, TransferOptions.defaults().withCache(false));
        try (Autoencoder model = withoutCache.prepare(pretrained)) {
            uncachedHistory =
                    withoutCache.train(model, all(TARGET), TrainingSession.builder()).history();
            uncached = flat(model.reconstruct(TARGET, new int[] {0, 1, 2}));
        }

        assertThat(cached).containsExactly(uncached, within(1e-4f));
        for (int i = 0; i < cachedHistory.size(); i++) {
            assertThat(cachedHistory.get(i).loss())
                    .isCloseTo(
                            uncachedHistory.get(i).loss(),
                            within(1e-3 * uncachedHistory.get(i).loss()));
        }
    }

    @Test
    void frozenBatchNorm_keepsItsRunningStatistics() {
        FineTuner tuner =
                new FineTuner(
                        Strategy.parse("last-layer"),
                        config(2),
                        TransferOptions.defaults().withCache(false));
        try (Autoencoder model = tuner.prepare(pretrained)) {
            Map<String, float[]> before = snapshot(model);
            tuner.train(model, all(TARGET), TrainingSession.builder());
            Map<String, float[]> after = snapshot(model);
            long runningStatistics =
                    before.keySet().stream().filter(k -> k.contains("running")).count();
            assertThat(runningStatistics).isGreaterThan(0);
            for (String parameter : before.keySet()) {
                if (parameter.contains("running")) {
                    assertThat(after.get(parameter)).as(parameter).isEqualTo(before.get(parameter));
                }
            }
        }
    }

    @Test
    void scratch_startsFromFreshWeights_andFullTrainsEverything() {
        FineTuner scratch =
                new FineTuner(Strategy.parse("scratch"), config(1), TransferOptions.defaults());
        try (Autoencoder model = scratch.prepare(pretrained)) {
            assertThat(ModelFile.parameterBytes(model))
                    .isNotEqualTo(ModelFile.parameterBytes(pretrained));
        }
        FineTuner full =
                new FineTuner(Strategy.parse("full"), config(1), TransferOptions.defaults());
        try (Autoencoder model = full.prepare(pretrained)) {
            assertThat(ModelFile.parameterBytes(model))
                    .isEqualTo(ModelFile.parameterBytes(pretrained));
            assertThat(full.plan(model, 0).frozenStages()).isEmpty();
            assertThat(full.plan(model, 0).multiplier("encoder.0")).isEqualTo(0.1f);
        }
    }

    @Test
    void pretrained_trainsNothing() {
        FineTuner tuner =
                new FineTuner(Strategy.parse("pretrained"), config(2), TransferOptions.defaults());
        try (Autoencoder model = tuner.prepare(pretrained)) {
            TrainingResult result = tuner.train(model, all(TARGET), TrainingSession.builder());
            assertThat(result.history()).isEmpty();
            assertThat(ModelFile.parameterBytes(model))
                    .isEqualTo(ModelFile.parameterBytes(pretrained));
        }
    }

    private static float[] flat(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }
}
