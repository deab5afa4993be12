package dev.aetransfer.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aetransfer.Json;
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
import java.util.LinkedHashMap;
import java.util.Map;

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

        int[][] split = Splits.holdOut(data, config.validationFraction(), config.seed());
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
                        .optTraining(asMap(config))
                        .build();

        try (Autoencoder model = Autoencoder.create(spec, config.seed())) {
            TrainingSession session =
                    request.sessionBuilder(model, provenance)
                            .setTrainBatches(batches(data, split[0], config, model, true))
                            .optValidationBatches(
                                    split[1].length == 0
                                            ? null
                                            : batches(data, split[1], config, model, false))
                            .build();
            TrainingResult result = session.run();
            ModelFile.save(model, finalProvenance(provenance, result), request.output());
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

    /** A configuration as JSON values, for provenance. */
    static Map<String, Object> asMap(TrainingConfig config) {
        return Json.mapper().convertValue(config, new TypeReference<Map<String, Object>>() {});
    }

    /** The provenance with the run's epochs and final figures. */
    static Provenance finalProvenance(Provenance started, TrainingResult result) {
        EpochMetrics last = result.last();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", last.loss());
        if (!Double.isNaN(last.validationLoss())) {
            metrics.put("val_loss", last.validationLoss());
            metrics.put("val_mse", last.validationMse());
        }
        metrics.put("best_epoch", (double) result.bestEpoch());
        return started.withResult(result.history().size(), metrics);
    }
}
