package dev.aetransfer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.BatchAssembler;
import dev.aetransfer.data.SampleSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;

/**
 * Batches of samples of a {@link SampleSet}, shuffled each epoch and optionally augmented, scaled
 * to the model's space. When shuffling (training), a trailing batch of a single sample is dropped,
 * since batch normalisation cannot train on it.
 */
public final class SampleSetBatches implements BatchSource {

    private final SampleSet samples;
    private final int[] indices;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final Augmentation augmentation;
    private final UnaryOperator<NDArray> toModelSpace;

    private SampleSetBatches(Builder builder) {
        this.samples = builder.samples;
        this.indices = builder.indices != null ? builder.indices.clone() : all(samples.size());
        this.batchSize = builder.batchSize;
        this.seed = builder.seed;
        this.shuffle = builder.shuffle;
        this.augmentation = builder.augmentation;
        this.toModelSpace = builder.toModelSpace;
        augmentation.check(samples.shape());
    }

    /** A builder; the samples are required. */
    public static Builder builder() {
        return new Builder();
    }

    private static int[] all(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int batchesPerEpoch() {
        return EpochOrder.batchCount(indices.length, batchSize, shuffle);
    }

    @Override
    public Iterator<Batch> epoch(NDManager manager, int epoch) {
        EpochOrder order = EpochOrder.of(indices, seed, epoch, shuffle, augmentation);
        BatchAssembler assembler = new BatchAssembler(samples, batchSize);
        int batches = batchesPerEpoch();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int[] slice = order.batch(next, batchSize);
                int[] symmetries = order.batchSymmetries(next, batchSize);
                NDManager batchManager = manager.newSubManager();
                NDArray x = toModelSpace.apply(assembler.assemble(batchManager, slice, symmetries));
                next++;
                return new Batch(
                        batchManager,
                        new NDList(x),
                        new NDList(x),
                        slice.length,
                        Batchifier.STACK,
                        Batchifier.STACK,
                        next,
                        batches);
            }
        };
    }

    /** Builds a {@link SampleSetBatches}. */
    public static final class Builder {
        private SampleSet samples;
        private int[] indices;
        private int batchSize = 64;
        private long seed;
        private boolean shuffle = true;
        private Augmentation augmentation = Augmentation.NONE;
        private UnaryOperator<NDArray> toModelSpace = UnaryOperator.identity();

        private Builder() {}

        public Builder setSamples(SampleSet samples) {
            this.samples = samples;
            return this;
        }

        /** Which samples to use, by index; all of them by default. */
        public Builder optIndices(int[] indices) {
            this.indices = indices;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether to shuffle each epoch; true by default, false for validation. */
        public Builder optShuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder optAugmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Maps data to the model's space, e.g. the block's scaling; identity by default. */
        public Builder optToModelSpace(UnaryOperator<NDArray> toModelSpace) {
            this.toModelSpace = toModelSpace;
            return this;
        }

        public SampleSetBatches build() {
            if (samples == null) {
                throw new IllegalStateException("batches need a sample set");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException(
                        String.format("batch size must be positive, got %d", batchSize));
            }
            return new SampleSetBatches(this);
        }
    }
}
