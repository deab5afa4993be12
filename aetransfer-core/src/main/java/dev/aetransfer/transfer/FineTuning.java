package dev.aetransfer.transfer;

import dev.aetransfer.data.DataFingerprint;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.Provenance;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingRequest;
import dev.aetransfer.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fine-tunes a pretrained model file on target data with one strategy and saves the result as a
 * model file whose provenance names its parent (and the parent's SHA-256), the strategy and the
 * frozen stages.
 */
public final class FineTuning {

    private static final String SHAPE_MISMATCH =
            "data %s has samples of shape %s but the pretrained model takes %s; see --adapt-input";

    private FineTuning() {}

    /**
     * Runs the request. Its data must already have the pretrained model's input shape (see {@link
     * InputAdaptation}); its spec is ignored.
     *
     * @throws IllegalArgumentException when the output exists, the data does not fit, or a {@code
     *     freeze:} glob matches no stage
     * @throws dev.aetransfer.model.ModelFileException when the pretrained file cannot be read
     */
    public static TrainingResult run(
            TrainingRequest request,
            Path pretrainedFile,
            Strategy strategy,
            TransferOptions options) {
        request.checkOutput();
        SampleSet data = request.data();
        TrainingConfig config = request.config();
        FineTuner tuner = new FineTuner(strategy, config, options);
        try (Autoencoder pretrained = ModelFile.load(pretrainedFile);
                Autoencoder tuned = prepare(tuner, pretrained, data)) {
            int[][] split = request.split();
            List<String> frozen = frozenAtTheEnd(tuner, tuned, config.epochs());
            Provenance provenance =
                    Provenance.builder()
                            .setData(data.origin(), DataFingerprint.of(data), data.size())
                            .optSeed(config.seed())
                            .optParent(
                                    pretrainedFile.getFileName().toString(),
                                    ModelFile.sha256(pretrainedFile))
                            .optStrategy(strategy.name(), frozen)
                            .optTraining(config.toMap())
                            .build();

            FineTuner.TrainingData trainingData =
                    new FineTuner.TrainingData(
                            data,
                            split[0],
                            split[1].length == 0 ? null : request.validationSet(),
                            split[1]);
            TrainingResult result =
                    tuner.train(tuned, trainingData, request.sessionBuilder(tuned, provenance));
            Provenance finished =
                    provenance.withResult(result.history().size(), result.finalMetrics());
            ModelFile.save(tuned, finished, request.output());
            return result;
        }
    }

    private static Autoencoder prepare(FineTuner tuner, Autoencoder pretrained, SampleSet data) {
        if (!pretrained.spec().inputShape().equals(data.shape())) {
            throw new IllegalArgumentException(
                    String.format(
                            SHAPE_MISMATCH,
                            data.origin(),
                            data.shape(),
                            pretrained.spec().inputShape()));
        }
        return tuner.prepare(pretrained);
    }

    private static List<String> frozenAtTheEnd(FineTuner tuner, Autoencoder model, int epochs) {
        FreezePlan last = tuner.plan(model, Math.max(0, epochs - 1));
        List<String> frozen = new ArrayList<>();
        for (String stage : model.block().stageNames()) {
            if (!last.trains(stage)) {
                frozen.add(stage);
            }
        }
        return frozen;
    }
}
