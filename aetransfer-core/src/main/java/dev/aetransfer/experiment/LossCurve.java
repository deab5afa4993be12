package dev.aetransfer.experiment;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-epoch losses of one strategy, averaged over seeds: index {@code e} is epoch {@code e + 1}. An
 * epoch that no seed reached (early stopping) or a loss that was not measured (no held-out split)
 * is NaN. The arrays are copied in and out.
 *
 * @param name the strategy, as its {@link ComparisonRow} names it
 * @param trainLoss mean training loss per sample, one value per epoch
 * @param validationLoss mean held-out loss per sample, as many values as {@code trainLoss}
 */
public record LossCurve(String name, double[] trainLoss, double[] validationLoss) {

    private static final String EPOCHS_DIFFER =
            "loss curve %s: %d training losses but %d held-out losses, want one of each per epoch";

    public LossCurve {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a loss curve needs a strategy name, got none");
        }
        if (trainLoss.length != validationLoss.length) {
            throw new IllegalArgumentException(
                    String.format(EPOCHS_DIFFER, name, trainLoss.length, validationLoss.length));
        }
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss.clone();
    }

    /** Number of epochs. */
    public int epochs() {
        return trainLoss.length;
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LossCurve that
                && name.equals(that.name)
                && Arrays.equals(trainLoss, that.trainLoss)
                && Arrays.equals(validationLoss, that.validationLoss);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(trainLoss), Arrays.hashCode(validationLoss));
    }

    @Override
    public String toString() {
        return String.format("LossCurve[name=%s, epochs=%d]", name, trainLoss.length);
    }
}
