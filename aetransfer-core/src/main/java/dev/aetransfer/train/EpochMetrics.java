package dev.aetransfer.train;

/**
 * The figures of one epoch. Losses are per sample; validation figures are NaN without a validation
 * split; {@code kl} is 0 for a plain autoencoder.
 *
 * @param epoch the epoch, counted from 1
 * @param loss mean training loss
 * @param reconstruction mean training reconstruction term
 * @param kl mean training KL term
 * @param validationLoss loss on the validation split, in inference mode
 * @param validationMse per-value mean squared error of validation reconstructions, in data units
 * @param learningRate the base learning rate at the end of the epoch
 * @param seconds wall time of the epoch, validation included
 * @param samplesPerSecond training samples per second of the training pass, validation excluded
 */
public record EpochMetrics(
        int epoch,
        double loss,
        double reconstruction,
        double kl,
        double validationLoss,
        double validationMse,
        double learningRate,
        double seconds,
        double samplesPerSecond) {

    /** One {@code key=value} line, as the log prints it. */
    public String toLogLine() {
        StringBuilder line = new StringBuilder();
        line.append(String.format("epoch=%d loss=%.5g", epoch, loss));
        if (kl != 0) {
            line.append(String.format(" recon=%.5g kl=%.4g", reconstruction, kl));
        }
        if (!Double.isNaN(validationLoss)) {
            line.append(
                    String.format(" val_loss=%.5g val_mse=%.5g", validationLoss, validationMse));
        }
        line.append(
                String.format(
                        " lr=%.3g seconds=%.1f images_per_second=%.0f",
                        learningRate, seconds, samplesPerSecond));
        return line.toString();
    }
}
