package dev.aetransfer.experiment;

/** Whether a comparison row is a transfer strategy or a baseline it is measured against. */
public enum RowKind {
    /** A transfer strategy: a model fine-tuned (or not, for {@code pretrained}) on the target. */
    STRATEGY,
    /** A reference without the autoencoder: PCA on the target, or the raw pixels. */
    BASELINE
}
