package dev.aetransfer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.util.Iterator;

/**
 * Where the training loop's batches come from: a sample set, a cache of frozen-stage outputs, or a
 * partition of a distributed dataset.
 *
 * <p>A batch's data is what stage {@link #startStage()} of the model takes, in the model's space;
 * its labels are the reconstruction targets, also in the model's space ({@code N×C×H×W}). For a
 * VAE, a source that starts just after the latent stage supplies {@code (mean, logvar)} and the
 * loop samples from them.
 *
 * <p>Closing a source frees what it holds beyond its batches (a cache); closing twice is harmless.
 */
public interface BatchSource extends AutoCloseable {

    /** Samples per epoch. */
    int size();

    /** Batches per epoch. */
    int batchesPerEpoch();

    /** Index of the stage the batches' data feeds; 0 for raw data. */
    default int startStage() {
        return 0;
    }

    /**
     * The batches of one epoch (counted from 0), in training order, each on a sub-manager of {@code
     * manager}. The order depends only on the source's seed and the epoch. The caller closes every
     * batch it takes.
     */
    Iterator<Batch> epoch(NDManager manager, int epoch);

    /** Frees what the source holds; nothing by default. */
    @Override
    default void close() {}
}
