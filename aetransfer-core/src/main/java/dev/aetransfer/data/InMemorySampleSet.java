package dev.aetransfer.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A sample set held in one Java array: bytes for images ({@link SampleStorage#UINT8}), floats for
 * vectors ({@link SampleStorage#FLOAT32}). The arrays are taken over, not copied: callers must not
 * change them afterwards. Labels, when there are any, are added with {@link #withLabels}.
 */
public final class InMemorySampleSet implements SampleSet {

    private final SampleShape shape;
    private final int size;
    private final byte[] bytes;
    private final float[] floats;
    private final int[] labels;
    private final List<String> classNames;
    private final String origin;

    private InMemorySampleSet(SampleShape shape, byte[] bytes, float[] floats, String origin) {
        this.shape = shape;
        this.size = sizeOf(bytes != null ? bytes.length : floats.length, shape, origin);
        this.bytes = bytes;
        this.floats = floats;
        this.labels = null;
        this.classNames = List.of();
        this.origin = origin;
    }

    private InMemorySampleSet(InMemorySampleSet unlabelled, int[] labels, List<String> names) {
        this.shape = unlabelled.shape;
        this.size = unlabelled.size;
        this.bytes = unlabelled.bytes;
        this.floats = unlabelled.floats;
        this.labels = labels;
        this.classNames = List.copyOf(names);
        this.origin = unlabelled.origin;
        checkLabels(labels, size, classNames, origin);
    }

    /**
     * An unlabelled set of uint8 samples.
     *
     * @param values {@code size × shape.volume()} bytes, sample after sample, {@code C×H×W} each
     * @param origin where the values came from, for messages
     */
    public static InMemorySampleSet ofBytes(SampleShape shape, byte[] values, String origin) {
        return new InMemorySampleSet(shape, values, null, origin);
    }

    /**
     * An unlabelled set of float samples, laid out as in {@link #ofBytes}.
     *
     * @param values {@code size × shape.volume()} floats, sample after sample
     */
    public static InMemorySampleSet ofFloats(SampleShape shape, float[] values, String origin) {
        return new InMemorySampleSet(shape, null, values, origin);
    }

    /**
     * The same samples with labels; the values are shared, not copied.
     *
     * @param labels one label per sample in {@code [0, classNames.size())}
     * @param classNames class names indexed by label
     */
    public InMemorySampleSet withLabels(int[] labels, List<String> classNames) {
        return new InMemorySampleSet(this, labels, classNames);
    }

    private static int sizeOf(int length, SampleShape shape, String origin) {
        if (length % shape.volume() != 0) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: %d values do not divide into samples of shape %s",
                            origin, length, shape));
        }
        return length / shape.volume();
    }

    private static void checkLabels(
            int[] labels, int size, List<String> classNames, String origin) {
        if (labels.length != size) {
            throw new IllegalArgumentException(
                    String.format("%s: %d labels for %d samples", origin, labels.length, size));
        }
        for (int i = 0; i < size; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: label %d of sample %d is outside [0, %d)",
                                origin, labels[i], i, classNames.size()));
            }
        }
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
        return bytes != null ? SampleStorage.UINT8 : SampleStorage.FLOAT32;
    }

    @Override
    public void copyTo(int index, ByteBuffer dest) {
        int volume = shape.volume();
        int from = checkedOffset(index);
        if (bytes != null) {
            dest.put(bytes, from, volume);
        } else {
            ByteBuffer view = dest.duplicate().order(ByteOrder.nativeOrder());
            view.asFloatBuffer().put(floats, from, volume);
            dest.position(dest.position() + volume * Float.BYTES);
        }
    }

    @Override
    public void read(int index, float[] dest, int offset) {
        int volume = shape.volume();
        int from = checkedOffset(index);
        if (bytes != null) {
            for (int i = 0; i < volume; i++) {
                dest[offset + i] = (bytes[from + i] & 0xFF) / 255f;
            }
        } else {
            System.arraycopy(floats, from, dest, offset, volume);
        }
    }

    private int checkedOffset(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(
                    String.format("sample %d is outside [0, %d)", index, size));
        }
        return index * shape.volume();
    }

    @Override
    public int label(int index) {
        checkedOffset(index);
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
