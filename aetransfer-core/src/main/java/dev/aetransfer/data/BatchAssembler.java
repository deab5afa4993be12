package dev.aetransfer.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Gathers samples of a {@link SampleSet} into one {@code N×C×H×W} float32 array per batch.
 *
 * <p>Stored values are copied once into a reused direct buffer and cross into native memory in one
 * copy; uint8 images become floats in [0, 1] on the native side. Not thread-safe: one assembler per
 * thread.
 */
public final class BatchAssembler {

    private final SampleSet samples;
    private final SampleShape shape;
    private final int maxBatch;
    private final ByteBuffer buffer;
    private final byte[] scratch;
    private final byte[] transformed;

    /**
     * @param samples the set to read from
     * @param maxBatch the largest batch {@link #assemble} will be asked for
     */
    public BatchAssembler(SampleSet samples, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException(
                    String.format("batch size must be positive, got %d", maxBatch));
        }
        this.samples = samples;
        this.shape = samples.shape();
        this.maxBatch = maxBatch;
        long bytes = (long) maxBatch * shape.volume() * samples.storage().bytesPerValue();
        this.buffer =
                ByteBuffer.allocateDirect(Math.toIntExact(bytes)).order(ByteOrder.nativeOrder());
        this.scratch = new byte[shape.volume()];
        this.transformed = new byte[shape.volume()];
    }

    /** The samples at {@code indices}, as a float32 array owned by {@code manager}. */
    public NDArray assemble(NDManager manager, int[] indices) {
        return assemble(manager, indices, null);
    }

    /**
     * The samples at {@code indices}, each transformed by its symmetry code (see {@link
     * Augmentation#draw}); {@code symmetries} may be null for none.
     */
    public NDArray assemble(NDManager manager, int[] indices, int[] symmetries) {
        int n = indices.length;
        if (n < 1 || n > maxBatch) {
            throw new IllegalArgumentException(
                    String.format("batch of %d samples is outside [1, %d]", n, maxBatch));
        }
        buffer.clear();
        for (int i = 0; i < n; i++) {
            int code = symmetries == null ? 0 : symmetries[i];
            if (code == 0) {
                samples.copyTo(indices[i], buffer);
            } else {
                copyTransformed(indices[i], code);
            }
        }
        buffer.flip();

        Shape batchShape = new Shape(n, shape.channels(), shape.height(), shape.width());
        if (samples.storage() == SampleStorage.FLOAT32) {
            try (NDArray view = manager.create(buffer, batchShape, DataType.FLOAT32)) {
                return view.duplicate();
            }
        }
        // Dividing the bytes by a float32 scalar gives float32 in one pass over the batch.
        try (NDArray view = manager.create(buffer, batchShape, DataType.UINT8);
                NDArray maximum = manager.create(255f)) {
            return view.div(maximum);
        }
    }

    private void copyTransformed(int index, int code) {
        if (samples.storage() != SampleStorage.UINT8) {
            throw new IllegalStateException("symmetries apply to uint8 images only");
        }
        samples.copyTo(index, ByteBuffer.wrap(scratch));
        Augmentation.apply(scratch, shape, code, transformed, 0);
        buffer.put(transformed);
    }
}
