package dev.aetransfer.train;

import dev.aetransfer.data.Augmentation;
import java.util.Random;

/**
 * The order in which one epoch visits its samples, and the symmetry drawn for each: a function of
 * the seed and the epoch only, so that every batch source over the same samples, cached or not,
 * visits them identically.
 *
 * @param indices sample indices in visiting order
 * @param symmetries the symmetry code of each visit (see {@link Augmentation#draw}), or null when
 *     nothing is augmented
 */
public record EpochOrder(int[] indices, int[] symmetries) {

    /**
     * @param indices the samples of the source
     * @param seed the run's seed
     * @param epoch the epoch, from 0
     * @param shuffle whether to shuffle (training) or keep the order (validation)
     * @param augmentation the symmetries to draw from
     */
    public static EpochOrder of(
            int[] indices, long seed, int epoch, boolean shuffle, Augmentation augmentation) {
        Random random = new Random(seed * 1_000_003L + epoch);
        int[] order = indices.clone();
        if (shuffle) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        int[] symmetries = null;
        if (!augmentation.isNone()) {
            symmetries = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                symmetries[i] = augmentation.draw(random);
            }
        }
        return new EpochOrder(order, symmetries);
    }

    /** Number of batches of {@code batchSize}; a trailing single sample is dropped if asked. */
    public static int batchCount(int samples, int batchSize, boolean dropSingle) {
        int rest = samples % batchSize;
        return samples / batchSize + (rest > 1 || (rest == 1 && !dropSingle) ? 1 : 0);
    }

    /** The indices of batch {@code batch}. */
    public int[] batch(int batch, int batchSize) {
        int start = batch * batchSize;
        int count = Math.min(batchSize, indices.length - start);
        int[] slice = new int[count];
        System.arraycopy(indices, start, slice, 0, count);
        return slice;
    }

    /** The symmetry codes of batch {@code batch}, or null when nothing is augmented. */
    public int[] batchSymmetries(int batch, int batchSize) {
        if (symmetries == null) {
            return null;
        }
        int start = batch * batchSize;
        int count = Math.min(batchSize, symmetries.length - start);
        int[] slice = new int[count];
        System.arraycopy(symmetries, start, slice, 0, count);
        return slice;
    }
}
