package dev.aetransfer.train;

import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.DataFingerprint;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleStorage;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.InputScaling;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.OutputKind;
import dev.aetransfer.model.Provenance;

/**
 * Pretrains a new autoencoder on a dataset and saves it as a model file: holds out a validation
 * split, fits the scaling of vector data, trains with checkpoints and metrics beside the output,
 * and records provenance.
 */
public final class Pretraining {

    private Pretraining() {}

    /**
     * Runs the request; the model file is written only when training completes.
     *
     * @throws IllegalArgumentException when the output exists (without overwrite) or the data does
     *     not fit the spec
     */
    public static TrainingResult run(TrainingRequest request) {
        SampleSet data = request.data();
        TrainingConfig config = request.config();
        request.checkOutput();
        AutoencoderSpec spec = request.spec();
        if (!spec.inputShape().equals(data.shape())) {
            throw new IllegalArgumentException(
                    String.format(
                            "data %s has samples of shape %s but the model spec takes %s",
                            data.origin(), data.shape(), spec.inputShape()));
        }

        int[][] split = request.split();
        SampleSet validation = request.validationSet();
        if (data.storage() == SampleStorage.FLOAT32) {
            spec =
                    spec.toBuilder()
                            .optScaling(InputScaling.fit(rows(data, split[0])))
                            .optOutput(OutputKind.LINEAR)
                            .build();
        }
        Provenance provenance =
                Provenance.builder()
                        .setData(data.origin(), DataFingerprint.of(data), data.size())
                        .optSeed(config.seed())
                        .optTraining(config.toMap())
                        .build();

        try (Autoencoder model = Autoencoder.create(spec, config.seed())) {
            TrainingSession session =
                    request.sessionBuilder(model, provenance)
                            .setTrainBatches(batches(data, split[0], config, model, true))
                            .optValidationBatches(
                                    split[1].length == 0
                                            ? null
                                            : batches(validation, split[1], config, model, false))
                            .build();
            TrainingResult result = session.run();
            ModelFile.save(
                    model,
                    provenance.withResult(result.history().size(), result.finalMetrics()),
                    request.output());
            return result;
        }
    }

    static SampleSetBatches batches(
            SampleSet data,
            int[] indices,
            TrainingConfig config,
            Autoencoder model,
            boolean train) {
        return SampleSetBatches.builder()
                .setSamples(data)
                .optIndices(indices)
                .optBatchSize(config.batchSize())
                .optSeed(config.seed())
                .optShuffle(train)
                .optAugmentation(train ? config.augmentation() : Augmentation.NONE)
                .optToModelSpace(model.block()::scale)
                .build();
    }

    private static float[][] rows(SampleSet data, int[] indices) {
        float[][] rows = new float[indices.length][data.shape().volume()];
        for (int i = 0; i < indices.length; i++) {
            data.read(indices[i], rows[i], 0);
        }
        return rows;
    }
}
