package dev.aetransfer.cli;

import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.SampleStorage;
import dev.aetransfer.train.Objective;
import dev.aetransfer.train.OptimizerKind;
import dev.aetransfer.train.ReconstructionLoss;
import dev.aetransfer.train.Schedule;
import dev.aetransfer.train.TrainingConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The training options of {@code pretrain}, {@code finetune} and {@code compare}; mix them in with
 * {@code @Mixin}. Defaults that differ between commands are given by {@link #toConfig}'s caller.
 */
final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data.")
    Integer epochs;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "64",
            description = "Samples per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Base learning rate.")
    Float learningRate;

    @Option(
            names = "--optimizer",
            paramLabel = "adam|adamw",
            defaultValue = "adam",
            description = "Adam, or AdamW with decoupled weight decay (default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(
            names = "--weight-decay",
            paramLabel = "W",
            defaultValue = "0",
            description = "Weight decay (default ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(
            names = "--schedule",
            paramLabel = "constant|cosine|one-cycle",
            defaultValue = "constant",
            description = "How the learning rate changes over the run (default ${DEFAULT-VALUE}).")
    String schedule;

    @Option(
            names = "--clip-norm",
            paramLabel = "NORM",
            defaultValue = "0",
            description = "Clip the global gradient norm to NORM; 0 is off (default).")
    float clipNorm;

    @Option(
            names = "--loss",
            paramLabel = "auto|bce|mse",
            defaultValue = "auto",
            description =
                    "Reconstruction loss: auto picks bce for images in [0, 1] and mse for vectors.")
    String loss;

    @Option(
            names = "--beta",
            paramLabel = "B",
            defaultValue = "1",
            description = "Weight of the VAE's KL term (default ${DEFAULT-VALUE}).")
    float beta;

    @Option(
            names = "--kl-warmup",
            paramLabel = "EPOCHS",
            defaultValue = "0",
            description = "Epochs over which the KL weight grows linearly to beta (default 0).")
    int klWarmup;

    @Option(
            names = "--free-bits",
            paramLabel = "NATS",
            defaultValue = "0",
            description = "Minimum KL per latent dimension, in nats (default 0).")
    float freeBits;

    @Option(
            names = "--validation",
            paramLabel = "FRACTION",
            description = "Share of the training data held out to validate each epoch.")
    Double validation;

    @Option(
            names = "--patience",
            paramLabel = "EPOCHS",
            defaultValue = "0",
            description =
                    "Stop after this many epochs without a better "
                            + "validation loss and keep the best epoch; 0 is off.")
    int patience;

    @Option(
            names = "--augment",
            paramLabel = "flip,rot90",
            defaultValue = "none",
            description = "Symmetries of the square applied to training batches (default none).")
    String augment;

    /**
     * The configuration these options describe.
     *
     * @param storage how the training data is stored, to resolve {@code --loss auto}
     * @param defaults the command's defaults for options the user left out
     */
    TrainingConfig toConfig(long seed, SampleStorage storage, TrainingConfig defaults) {
        return defaults.toBuilder()
                .optEpochs(epochs != null ? epochs : defaults.epochs())
                .optBatchSize(batch)
                .optLearningRate(learningRate != null ? learningRate : defaults.learningRate())
                .optOptimizer(parse(OptimizerKind.class, "--optimizer", optimizer))
                .optWeightDecay(weightDecay)
                .optSchedule(parse(Schedule.class, "--schedule", schedule))
                .optClipNorm(clipNorm)
                .optObjective(new Objective(lossFor(storage), beta, klWarmup, freeBits))
                .optValidationFraction(
                        validation != null ? validation : defaults.validationFraction())
                .optPatience(patience)
                .optSeed(seed)
                .optAugmentation(Augmentation.parse(augment))
                .build();
    }

    private ReconstructionLoss lossFor(SampleStorage storage) {
        if (loss.equalsIgnoreCase("auto")) {
            return storage == SampleStorage.UINT8 ? ReconstructionLoss.BCE : ReconstructionLoss.MSE;
        }
        return parse(ReconstructionLoss.class, "--loss", loss);
    }

    /** An enum constant by name, any case, with {@code -} for {@code _}. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (choices.length() > 0) {
                choices.append(", ");
            }
            choices.append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(
                String.format("%s: unknown value %s; choose one of %s", option, value, choices));
    }
}
