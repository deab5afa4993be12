package dev.aetransfer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Collects decoded samples one at a time and yields a {@link SampleSet}: in memory while the values
 * fit the {@link MemoryBudget}, otherwise in a cache file that the set reads with positional reads.
 * Not thread-safe; one buffer per split being built.
 */
final class SampleBuffer {

    private static final int WRITE_CHUNK = 256 * 1024;
    private static final int FIRST_CAPACITY = 64;

    private final SampleLayout layout;
    private final MemoryBudget budget;
    private final String origin;
    private final int sampleBytes;
    private final ByteBuffer sampleView;

    private byte[] bytes;
    private float[] floats;
    private int capacity;
    private long reserved;
    private FileChannel file;
    private ByteBuffer pending;
    private int[] labels = new int[FIRST_CAPACITY];
    private int size;

    /**
     * @param expected how many samples are likely to come; the buffer reserves room for them at
     *     once, or goes to disk at once when they do not fit the budget
     */
    SampleBuffer(SampleLayout layout, int expected, MemoryBudget budget, String origin) {
        this.layout = layout;
        this.budget = budget;
        this.origin = origin;
        this.sampleBytes = layout.sampleBytes();
        this.sampleView = ByteBuffer.allocate(sampleBytes).order(ByteOrder.nativeOrder());
        grow(Math.max(expected, 1));
    }

    /** Appends one uint8 sample of {@code shape.volume()} values. */
    void add(byte[] sample, int label) {
        if (layout.storage() != SampleStorage.UINT8 || sample.length != sampleBytes) {
            throw new IllegalStateException(
                    String.format(
                            "%s: a sample of %d bytes does not fit %s %s samples",
                            origin, sample.length, layout.shape(), layout.storage()));
        }
        if (inMemory(size + 1)) {
            System.arraycopy(sample, 0, bytes, size * sampleBytes, sampleBytes);
        } else {
            write(ByteBuffer.wrap(sample));
        }
        addLabel(label);
    }

    /** Appends one float sample of {@code shape.volume()} values. */
    void add(float[] sample, int label) {
        int volume = layout.shape().volume();
        if (layout.storage() != SampleStorage.FLOAT32 || sample.length != volume) {
            throw new IllegalStateException(
                    String.format(
                            "%s: a sample of %d floats does not fit %s %s samples",
                            origin, sample.length, layout.shape(), layout.storage()));
        }
        if (inMemory(size + 1)) {
            System.arraycopy(sample, 0, floats, size * volume, volume);
        } else {
            sampleView.clear();
            sampleView.asFloatBuffer().put(sample);
            write(sampleView);
        }
        addLabel(label);
    }

    int size() {
        return size;
    }

    private void addLabel(int label) {
        if (size == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[size++] = label;
    }

    /** Makes room for {@code samples} in memory if the budget allows; false once on disk. */
    private boolean inMemory(int samples) {
        if (file == null && samples > capacity) {
            grow(Math.max(samples, Math.max(2 * capacity, FIRST_CAPACITY)));
        }
        return file == null;
    }

    private void grow(int samples) {
        long wanted = (long) samples * sampleBytes;
        if (wanted > Integer.MAX_VALUE - 8 || !budget.tryReserve(wanted - reserved)) {
            spill();
            return;
        }
        if (layout.storage() == SampleStorage.UINT8) {
            bytes = bytes == null ? new byte[(int) wanted] : Arrays.copyOf(bytes, (int) wanted);
        } else {
            int length = samples * layout.shape().volume();
            floats = floats == null ? new float[length] : Arrays.copyOf(floats, length);
        }
        capacity = samples;
        reserved = wanted;
    }

    private void spill() {
        try {
            Path path = Files.createTempFile("aetransfer-", ".samples");
            file =
                    FileChannel.open(
                            path,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot create a cache file for %s", origin), e);
        }
        pending = ByteBuffer.allocate(Math.max(WRITE_CHUNK, sampleBytes));
        int volume = layout.shape().volume();
        for (int i = 0; i < size; i++) {
            sampleView.clear();
            if (bytes != null) {
                sampleView.put(bytes, i * sampleBytes, sampleBytes);
            } else {
                sampleView.asFloatBuffer().put(floats, i * volume, volume);
            }
            write(sampleView);
        }
        bytes = null;
        floats = null;
        capacity = 0;
        budget.release(reserved);
        reserved = 0;
    }

    /** Queues the sample's {@code sampleBytes} bytes from the buffer's start for the file. */
    private void write(ByteBuffer sample) {
        if (pending.remaining() < sampleBytes) {
            flush();
        }
        pending.put(sample.array(), sample.arrayOffset(), sampleBytes);
    }

    private void flush() {
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                file.write(pending);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot write the cache file of %s", origin), e);
        }
        pending.clear();
    }

    /**
     * The collected samples; the buffer must not be used afterwards.
     *
     * @param classNames class names indexed by label; empty for unlabelled samples, whose labels
     *     are ignored
     */
    SampleSet finish(List<String> classNames) {
        return finish(classNames.isEmpty() ? null : Arrays.copyOf(labels, size), classNames);
    }

    /**
     * The collected samples with labels given now rather than as they were added; the buffer must
     * not be used afterwards.
     *
     * @param kept one label per sample, or null for unlabelled samples
     */
    SampleSet finish(int[] kept, List<String> classNames) {
        labels = null;
        if (file != null) {
            flush();
            return new FileSampleSet(file, layout, size, kept, classNames, origin);
        }
        InMemorySampleSet set;
        if (bytes != null) {
            int length = size * sampleBytes;
            set = InMemorySampleSet.ofBytes(layout.shape(), trim(bytes, length), origin);
        } else {
            int length = size * layout.shape().volume();
            float[] values = floats.length == length ? floats : Arrays.copyOf(floats, length);
            set = InMemorySampleSet.ofFloats(layout.shape(), values, origin);
        }
        bytes = null;
        floats = null;
        return kept == null ? set : set.withLabels(kept, classNames);
    }

    private static byte[] trim(byte[] array, int length) {
        return array.length == length ? array : Arrays.copyOf(array, length);
    }
}
