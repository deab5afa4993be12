package dev.aetransfer.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * A sample set whose values live in a cache file and are read with positional reads, so that only
 * the labels are held in memory. The file is deleted when its channel closes, which the channel's
 * cleaner does once the set is no longer reachable. Thread-safe: positional reads do not move the
 * channel's position.
 */
final class FileSampleSet implements SampleSet {

    private final FileChannel channel;
    private final SampleShape shape;
    private final SampleStorage storage;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;
    private final String origin;
    private final int sampleBytes;

    /**
     * @param channel a readable channel holding {@code size} samples back to back, in the layout
     *     {@link SampleSet#copyTo} writes
     * @param labels one label per sample, or null when unlabelled
     */
    FileSampleSet(
            FileChannel channel,
            SampleLayout layout,
            int size,
            int[] labels,
            List<String> classNames,
            String origin) {
        this.channel = channel;
        this.shape = layout.shape();
        this.storage = layout.storage();
        this.size = size;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.origin = origin;
        this.sampleBytes = layout.sampleBytes();
    }

    @Override
    public SampleShape shape() {
        return shape;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SampleStorage storage() {
        return storage;
    }

    @Override
    public void copyTo(int index, ByteBuffer dest) {
        long position = (long) checked(index) * sampleBytes;
        ByteBuffer slice = dest.slice();
        slice.limit(sampleBytes);
        readFully(slice, position);
        dest.position(dest.position() + sampleBytes);
    }

    @Override
    public void read(int index, float[] dest, int offset) {
        ByteBuffer buffer = ByteBuffer.allocate(sampleBytes).order(ByteOrder.nativeOrder());
        copyTo(index, buffer);
        buffer.flip();
        int volume = shape.volume();
        if (storage == SampleStorage.UINT8) {
            for (int i = 0; i < volume; i++) {
                dest[offset + i] = (buffer.get(i) & 0xFF) / 255f;
            }
        } else {
            buffer.asFloatBuffer().get(dest, offset, volume);
        }
    }

    private void readFully(ByteBuffer buffer, long position) {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new IllegalStateException(
                            String.format(
                                    "cache file of %s ended at byte %d, before sample %d",
                                    origin, at, position / sampleBytes));
                }
                at += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot read the cache file of %s", origin), e);
        }
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(
                    String.format("sample %d is outside [0, %d)", index, size));
        }
        return index;
    }

    @Override
    public int label(int index) {
        checked(index);
        return labels == null ? -1 : labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String origin() {
        return origin;
    }
}
