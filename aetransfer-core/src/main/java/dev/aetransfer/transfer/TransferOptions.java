package dev.aetransfer.transfer;

/**
 * Settings of the strategies that have any.
 *
 * @param fullLearningRateFactor the factor {@code full} applies to the learning rate, in (0, 1]
 * @param discriminativeFactor how much faster each stage learns than the one before it under {@code
 *     discriminative}, at least 1 (ULMFiT uses 2.6)
 * @param adapterWidth hidden width of the residual adapters, positive
 * @param cache whether to compute a frozen prefix once and train on its outputs
 */
public record TransferOptions(
        float fullLearningRateFactor, float discriminativeFactor, int adapterWidth, boolean cache) {

    public TransferOptions {
        if (!(fullLearningRateFactor > 0 && fullLearningRateFactor <= 1)) {
            throw new IllegalArgumentException(
                    String.format(
                            "--full-lr-factor must be in (0, 1], got %s", fullLearningRateFactor));
        }
        if (!(discriminativeFactor >= 1) || Float.isInfinite(discriminativeFactor)) {
            throw new IllegalArgumentException(
                    String.format(
                            "--discriminative-factor must be at least 1, got %s",
                            discriminativeFactor));
        }
        if (adapterWidth < 1) {
            throw new IllegalArgumentException(
                    String.format("--adapter-width must be positive, got %d", adapterWidth));
        }
    }

    /** A tenth of the learning rate for {@code full}, factor 2.6, adapters of width 16, cached. */
    public static TransferOptions defaults() {
        return new TransferOptions(0.1f, 2.6f, 16, true);
    }

    /** The same options with the frozen-prefix cache on or off. */
    public TransferOptions withCache(boolean enabled) {
        return new TransferOptions(
                fullLearningRateFactor, discriminativeFactor, adapterWidth, enabled);
    }
}
