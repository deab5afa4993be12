package dev.aetransfer.model;

/** The layer family of encoder and decoder stages. */
public enum ModelKind {
    /** Fully connected stages; images are flattened. Takes any input shape. */
    DENSE,
    /** Strided 3×3 convolutions down, nearest upsampling and 3×3 convolutions up. */
    CONV
}
