package dev.aetransfer.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aetransfer.Json;
import dev.aetransfer.data.Augmentation;
import java.util.Map;

/**
 * How to train: budget, optimiser, schedule, objective, validation and seed. Round-trips to JSON as
 * provenance records it.
 *
 * @param epochs passes over the training data, at least 1
 * @param batchSize samples per step, at least 2
 * @param learningRate base learning rate, positive
 * @param optimizer Adam or AdamW
 * @param weightDecay L2 (Adam) or decoupled (AdamW) weight decay, at least 0
 * @param schedule how the rate changes over the run
 * @param clipNorm largest global gradient norm, 0 for no clipping
 * @param objective reconstruction loss and KL settings
 * @param validationFraction share of the training data held out to validate each epoch, in [0,
 *     0.5]; 0 for none
 * @param patience epochs without a better validation loss before stopping early; 0 never stops
 * @param seed seed of initialisation, shuffling, sampling and the validation split
 * @param augmentation symmetries applied to training batches
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        float learningRate,
        OptimizerKind optimizer,
        float weightDecay,
        Schedule schedule,
        float clipNorm,
        Objective objective,
        double validationFraction,
        int patience,
        long seed,
        Augmentation augmentation) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException(
                    String.format("--epochs must be at least 1, got %d", epochs));
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException(
                    String.format("--batch must be at least 2, got %d", batchSize));
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    String.format("--lr must be positive, got %s", learningRate));
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(
                    String.format("--weight-decay must be 0 or more, got %s", weightDecay));
        }
        if (!(clipNorm >= 0) || Float.isInfinite(clipNorm)) {
            throw new IllegalArgumentException(
                    String.format("--clip-norm must be 0 (off) or positive, got %s", clipNorm));
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException(
                    String.format("--validation must be in [0, 0.5], got %s", validationFraction));
        }
        if (patience < 0) {
            throw new IllegalArgumentException(
                    String.format("--patience must be 0 (off) or more, got %d", patience));
        }
        if (optimizer == null || schedule == null || objective == null || augmentation == null) {
            throw new IllegalArgumentException("training config is incomplete");
        }
    }

    /** This configuration as JSON values, as provenance records it. */
    public Map<String, Object> toMap() {
        return Json.mapper().convertValue(this, new TypeReference<Map<String, Object>>() {});
    }

    /** A builder with the defaults documented on each option. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder()
                .optEpochs(epochs)
                .optBatchSize(batchSize)
                .optLearningRate(learningRate)
                .optOptimizer(optimizer)
                .optWeightDecay(weightDecay)
                .optSchedule(schedule)
                .optClipNorm(clipNorm)
                .optObjective(objective)
                .optValidationFraction(validationFraction)
                .optPatience(patience)
                .optSeed(seed)
                .optAugmentation(augmentation);
    }

    /**
     * Builds a {@link TrainingConfig}. Defaults: 10 epochs, batch 64, learning rate 1e-3, Adam
     * without weight decay, constant schedule, no clipping, BCE with β 1, validation 0.1, no early
     * stopping, seed 42, no augmentation.
     */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private float weightDecay;
        private Schedule schedule = Schedule.CONSTANT;
        private float clipNorm;
        private Objective objective = Objective.defaults();
        private double validationFraction = 0.1;
        private int patience;
        private long seed = 42;
        private Augmentation augmentation = Augmentation.NONE;

        private Builder() {}

        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder optOptimizer(OptimizerKind optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder optWeightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder optSchedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder optClipNorm(float clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        public Builder optObjective(Objective objective) {
            this.objective = objective;
            return this;
        }

        public Builder optValidationFraction(double validationFraction) {
            this.validationFraction = validationFraction;
            return this;
        }

        public Builder optPatience(int patience) {
            this.patience = patience;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optAugmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Checks every range (see the record's parameters) and builds the config. */
        public TrainingConfig build() {
            return new TrainingConfig(
                    epochs,
                    batchSize,
                    learningRate,
                    optimizer,
                    weightDecay,
                    schedule,
                    clipNorm,
                    objective,
                    validationFraction,
                    patience,
                    seed,
                    augmentation);
        }
    }
}
