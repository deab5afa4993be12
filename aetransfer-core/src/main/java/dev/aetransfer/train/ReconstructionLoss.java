package dev.aetransfer.train;

/** How a reconstruction is compared with its input, summed over the values of each sample. */
public enum ReconstructionLoss {
    /** Binary cross-entropy on logits; needs a sigmoid output and targets in [0, 1]. */
    BCE,
    /** Squared error; the only choice for a linear output. */
    MSE
}
