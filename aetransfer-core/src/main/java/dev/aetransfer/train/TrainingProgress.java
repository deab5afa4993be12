package dev.aetransfer.train;

/**
 * Receives progress from a training run, on the training thread: the command line draws a progress
 * bar from it. Every method does nothing by default.
 */
public interface TrainingProgress {

    /** Progress that nobody watches. */
    TrainingProgress NONE = new TrainingProgress() {};

    /**
     * The run starts, or resumes at {@code firstEpoch} (counted from 1).
     *
     * @param epochs total epochs of the run
     * @param batchesPerEpoch training steps per epoch
     */
    default void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {}

    /** A training step finished with this batch's mean loss. */
    default void onBatch(int epoch, int batch, double loss) {}

    /** An epoch finished, validation included. */
    default void onEpoch(EpochMetrics metrics) {}

    /** The run ended, normally or not. */
    default void onEnd() {}
}
