package dev.aetransfer.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.Presets;
import dev.aetransfer.testing.TinyData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

    @Test
    void epochsAfterTheFirst_addNoArraysToTheModelsManager() {
        // 8x8 images: the decoder doubles 4x4 maps, so its folded stage runs too.
        SampleShape shape = new SampleShape(1, 8, 8);
        SampleSet data = TinyData.stripes(shape, 2, 8, 3);
        BatchSource batches = SampleSetBatches.builder().setSamples(data).optBatchSize(4).build();
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", shape, 4), 1);
                AdamOptimizer optimizer =
                        AdamOptimizer.builder()
                                .setLearningRates(
                                        new LearningRates(1e-3f, Schedule.CONSTANT, 20, Map.of()))
                                .setManager(model.manager())
                                .build()) {
            TrainingLoop loop =
                    new TrainingLoop(model, Objective.defaults(), new LocalUpdater(optimizer, 1f));
            loop.runEpoch(batches, 0, TrainingProgress.NONE);
            loop.validate(batches, 0);
            int arrays = model.manager().getManagedArrays().size();

            for (int epoch = 1; epoch < 3; epoch++) {
                loop.runEpoch(batches, epoch, TrainingProgress.NONE);
                loop.validate(batches, epoch);
            }

            assertThat(model.manager().getManagedArrays().size()).isEqualTo(arrays);
        }
    }
}
