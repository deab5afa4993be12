package dev.aetransfer.model;

/**
 * Normalisation after each hidden convolution or dense layer. Batch normalisation keeps running
 * statistics that a frozen stage must not update; group normalisation has none.
 */
public enum Normalisation {
    NONE,
    BATCH,
    /** Group normalisation with up to 8 groups (fewer when the channels do not divide by 8). */
    GROUP
}
