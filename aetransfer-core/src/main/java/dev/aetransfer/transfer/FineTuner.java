package dev.aetransfer.transfer;

import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderBlock;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.train.BatchSource;
import dev.aetransfer.train.SampleSetBatches;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingResult;
import dev.aetransfer.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Adapts a pretrained model to target data with one strategy: {@link #prepare} makes the model the
 * strategy starts from, {@link #train} trains it. Frozen prefixes are cached unless the options say
 * otherwise.
 */
public final class FineTuner {

    private final Strategy strategy;
    private final TrainingConfig config;
    private final TransferOptions options;

    public FineTuner(Strategy strategy, TrainingConfig config, TransferOptions options) {
        this.strategy = strategy;
        this.config = config;
        this.options = options;
    }

    public Strategy strategy() {
        return strategy;
    }

    /**
     * A new model for the strategy, independent of {@code pretrained}: freshly initialised with the
     * same architecture for {@code scratch}, a copy with residual adapters for {@code adapters}
     * (unless it has some already), a copy otherwise. The caller closes it.
     */
    public Autoencoder prepare(Autoencoder pretrained) {
        AutoencoderSpec spec = pretrained.spec();
        if (strategy.kind() == StrategyKind.SCRATCH) {
            return Autoencoder.create(spec, config.seed());
        }
        if (strategy.kind() == StrategyKind.ADAPTERS && !spec.hasAdapters()) {
            return Adapters.insert(pretrained, options.adapterWidth(), config.seed());
        }
        Autoencoder copy = Autoencoder.create(spec, config.seed());
        ModelFile.replaceParameters(
                copy, ModelFile.parameterBytes(pretrained), Path.of("pretrained"));
        return copy;
    }

    /** The plan of epoch {@code epoch} (from 0) for a prepared model. */
    public FreezePlan plan(Autoencoder model, int epoch) {
        return FreezePlan.of(strategy, model.block(), epoch, options);
    }

    /**
     * Trains a prepared model on {@code indices} of {@code train}, validating after each epoch on
     * {@code validation} (null for none). {@code session} carries the checkpoints, metrics and
     * progress; this adds the model, config, batches, learning-rate multipliers and the per-epoch
     * freezing. {@code pretrained} trains nothing and returns an empty history.
     */
    public TrainingResult train(
            Autoencoder model, TrainingData data, TrainingSession.Builder session) {
        AutoencoderBlock block = model.block();
        FreezePlan first = plan(model, 0);
        first.apply(block);
        if (strategy.kind() == StrategyKind.PRETRAINED) {
            return new TrainingResult(List.of(), 0, false, false, 0);
        }

        try (BatchSource trainBatches = batches(model, data.train(), data.trainIndices(), true);
                BatchSource validationBatches =
                        data.validation() == null
                                ? null
                                : batches(
                                        model,
                                        data.validation(),
                                        data.validationIndices(),
                                        false)) {
            return session.setModel(model)
                    .setConfig(config)
                    .setTrainBatches(trainBatches)
                    .optValidationBatches(validationBatches)
                    .optLearningRateMultipliers(first.parameterMultipliers(block))
                    .optEpochHook(epoch -> plan(model, epoch).apply(block))
                    .build()
                    .run();
        }
    }

    /**
     * The batches {@link #train} trains a prepared model on, over {@code indices} of {@code
     * samples}: outputs of the frozen prefix, computed once, when the options allow a cache and the
     * plan of epoch 0 freezes a prefix; batches of samples otherwise. It does not apply the plan.
     * The caller closes the source, which frees the cache.
     */
    public BatchSource trainingBatches(Autoencoder model, SampleSet samples, int[] indices) {
        return batches(model, samples, indices, true);
    }

    private BatchSource batches(
            Autoencoder model, SampleSet samples, int[] indices, boolean training) {
        Augmentation augmentation = training ? config.augmentation() : Augmentation.NONE;
        IntUnaryOperator prefixEnd = epoch -> cacheablePrefix(model, epoch);
        if (options.cache() && prefixEnd.applyAsInt(0) > 0) {
            return new CachedBatches(
                    model.block(),
                    model.manager(),
                    new CachedBatches.Source(
                            samples,
                            indices,
                            config.batchSize(),
                            config.seed(),
                            training,
                            augmentation),
                    prefixEnd);
        }
        return SampleSetBatches.builder()
                .setSamples(samples)
                .optIndices(indices)
                .optBatchSize(config.batchSize())
                .optSeed(config.seed())
                .optShuffle(training)
                .optAugmentation(augmentation)
                .optToModelSpace(model.block()::scale)
                .build();
    }

    /**
     * The end of the prefix that can be cached in an epoch: the stages before the first one that
     * trains, and for a VAE no further than the latent stage, since sampling follows it.
     */
    int cacheablePrefix(Autoencoder model, int epoch) {
        AutoencoderBlock block = model.block();
        int end = plan(model, epoch).firstTrainableStage(block);
        if (model.spec().variational()) {
            end = Math.min(end, block.latentIndex() + 1);
        }
        return Math.min(end, block.stageNames().size() - 1);
    }

    /**
     * The data to fine-tune on.
     *
     * @param train the training samples
     * @param trainIndices which of them to train on
     * @param validation samples to validate on after each epoch, or null
     * @param validationIndices which of them
     */
    public record TrainingData(
            SampleSet train, int[] trainIndices, SampleSet validation, int[] validationIndices) {}
}
