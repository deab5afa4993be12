package dev.aetransfer.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.data.Augmentation;
import dev.aetransfer.data.BatchAssembler;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.model.AutoencoderBlock;
import dev.aetransfer.train.BatchSource;
import dev.aetransfer.train.EpochOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches whose data are the outputs of a frozen prefix of the model, computed once in inference
 * mode and gathered per batch, so that training skips the prefix. For a VAE the prefix ends at the
 * latent stage at the latest: the cache holds the mean and log-variance and the loop samples from
 * them each step. With augmentation the cache holds the outputs of every symmetry that can be
 * drawn, one block of rows per symmetry.
 *
 * <p>Visiting order and symmetries are those of {@link EpochOrder}, as for uncached batches, so
 * cached and uncached training see the same data in the same order. The prefix may change between
 * epochs (gradual unfreezing); the cache is rebuilt when it does. Close the source to free the
 * cache. Not thread-safe.
 */
final class CachedBatches implements BatchSource {

    private static final Logger LOG = LoggerFactory.getLogger(CachedBatches.class);
    private static final int CHUNK = 256;

    private final AutoencoderBlock block;
    private final SampleSet samples;
    private final int[] indices;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final Augmentation augmentation;
    private final IntUnaryOperator prefixEnd;
    private final NDManager manager;
    private final ParameterStore store;
    private final int[] rowOfSample;
    private final int[] codes;
    private final int[] slotOfCode = new int[8];

    private int cachedEnd = -1;
    private NDManager cacheManager;
    private NDList cache;

    /**
     * @param prefixEnd the exclusive end of the frozen prefix in each epoch (from 0)
     */
    CachedBatches(
            AutoencoderBlock block, NDManager manager, Source source, IntUnaryOperator prefixEnd) {
        this.block = block;
        this.samples = source.samples();
        this.indices = source.indices().clone();
        this.batchSize = source.batchSize();
        this.seed = source.seed();
        this.shuffle = source.shuffle();
        this.augmentation = source.augmentation();
        this.prefixEnd = prefixEnd;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.rowOfSample = new int[samples.size()];
        for (int row = 0; row < indices.length; row++) {
            rowOfSample[indices[row]] = row;
        }
        this.codes = augmentation.possibleCodes();
        for (int slot = 0; slot < codes.length; slot++) {
            slotOfCode[codes[slot]] = slot;
        }
    }

    /**
     * The samples a source visits and how.
     *
     * @param samples the sample set
     * @param indices which of its samples to visit
     * @param batchSize samples per batch
     * @param seed the run's seed
     * @param shuffle whether to shuffle each epoch (training) or not (validation)
     * @param augmentation symmetries drawn for training batches
     */
    record Source(
            SampleSet samples,
            int[] indices,
            int batchSize,
            long seed,
            boolean shuffle,
            Augmentation augmentation) {}

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int batchesPerEpoch() {
        return EpochOrder.batchCount(indices.length, batchSize, shuffle);
    }

    @Override
    public int startStage() {
        return Math.max(cachedEnd, 0);
    }

    @Override
    public Iterator<Batch> epoch(NDManager batchParent, int epoch) {
        int end = prefixEnd.applyAsInt(epoch);
        if (end != cachedEnd) {
            rebuild(end);
        }
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
                NDManager batchManager = batchParent.newSubManager();
                NDArray target = block.scale(assembler.assemble(batchManager, slice, symmetries));
                NDList data =
                        cachedEnd == 0
                                ? new NDList(target)
                                : gather(batchManager, slice, symmetries);
                next++;
                return new Batch(
                        batchManager,
                        data,
                        new NDList(target),
                        slice.length,
                        Batchifier.STACK,
                        Batchifier.STACK,
                        next,
                        batches);
            }
        };
    }

    private NDList gather(NDManager batchManager, int[] slice, int[] symmetries) {
        int[] rows = new int[slice.length];
        for (int i = 0; i < slice.length; i++) {
            int slot = symmetries == null ? 0 : slotOfCode[symmetries[i]];
            rows[i] = slot * indices.length + rowOfSample[slice[i]];
        }
        NDArray rowIndex = batchManager.create(rows);
        NDList data = new NDList(cache.size());
        for (NDArray array : cache) {
            NDArray rowsOf = array.get(new NDIndex("{}", rowIndex));
            rowsOf.attach(batchManager);
            data.add(rowsOf);
        }
        return data;
    }

    /** Computes the prefix's outputs for every sample and every symmetry that can be drawn. */
    private void rebuild(int end) {
        freeCache();
        cachedEnd = end;
        if (end == 0) {
            return;
        }
        long start = System.nanoTime();
        cacheManager = manager.newSubManager();
        BatchAssembler assembler = new BatchAssembler(samples, CHUNK);
        List<List<NDArray>> parts = new ArrayList<>();
        for (int code : codes) {
            for (int from = 0; from < indices.length; from += CHUNK) {
                int count = Math.min(CHUNK, indices.length - from);
                int[] chunk = Arrays.copyOfRange(indices, from, from + count);
                int[] chunkCodes = new int[count];
                Arrays.fill(chunkCodes, code);
                try (NDManager scratch = cacheManager.newSubManager()) {
                    NDArray x = block.scale(assembler.assemble(scratch, chunk, chunkCodes));
                    NDList out =
                            DjlEngine.withoutGradients(
                                    () -> block.runStages(store, 0, end, new NDList(x), false));
                    for (int k = 0; k < out.size(); k++) {
                        if (parts.size() <= k) {
                            parts.add(new ArrayList<>());
                        }
                        NDArray kept = out.get(k);
                        kept.attach(cacheManager);
                        parts.get(k).add(kept);
                    }
                }
            }
        }
        cache = new NDList();
        for (List<NDArray> part : parts) {
            NDArray joined = part.size() == 1 ? part.get(0) : NDArrays.concat(new NDList(part));
            joined.attach(cacheManager);
            cache.add(joined);
        }
        LOG.debug(
                "cache stages=[0,{}) rows={} seconds={}",
                end,
                cache.head().getShape().get(0),
                (System.nanoTime() - start) / 1e9);
    }

    private void freeCache() {
        if (cacheManager != null) {
            cacheManager.close();
            cacheManager = null;
            cache = null;
        }
    }

    @Override
    public void close() {
        freeCache();
    }
}
