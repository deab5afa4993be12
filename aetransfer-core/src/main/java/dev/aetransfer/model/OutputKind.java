package dev.aetransfer.model;

/** What {@code decoder.out} produces and how it becomes a reconstruction. */
public enum OutputKind {
    /** Logits; the reconstruction is their sigmoid, in [0, 1]. For images. */
    SIGMOID,
    /** Values in the model's scaled space; the reconstruction undoes the input scaling. */
    LINEAR
}
