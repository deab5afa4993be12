package dev.aetransfer.data;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Some samples of another set, in a given order, optionally with new labels: what class selection,
 * splits and per-class limits return. The values are read through from the underlying set, never
 * copied; a subset of a subset reads from the original set directly.
 */
final class SubsetSampleSet implements SampleSet {

    private final SampleSet base;
    private final int[] indices;
    private final int[] labels;
    private final List<String> classNames;

    private SubsetSampleSet(SampleSet base, int[] indices, int[] labels, List<String> names) {
        this.base = base;
        this.indices = indices;
        this.labels = labels;
        this.classNames = List.copyOf(names);
    }

    /** Samples {@code indices} of {@code base}, with their labels and class names. */
    static SampleSet of(SampleSet base, int[] indices) {
        int[] labels = null;
        if (base.labelled()) {
            labels = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                labels[i] = base.label(indices[i]);
            }
        }
        return relabelled(base, indices, labels, base.classNames());
    }

    /**
     * Samples {@code indices} of {@code base} with new labels.
     *
     * @param labels one label in {@code [0, classNames.size())} per index, or null for none
     */
    static SampleSet relabelled(
            SampleSet base, int[] indices, int[] labels, List<String> classNames) {
        for (int index : indices) {
            if (index < 0 || index >= base.size()) {
                throw new IndexOutOfBoundsException(
                        String.format("sample %d is outside [0, %d)", index, base.size()));
            }
        }
        if (base instanceof SubsetSampleSet subset) {
            int[] direct = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                direct[i] = subset.indices[indices[i]];
            }
            return new SubsetSampleSet(subset.base, direct, labels, classNames);
        }
        return new SubsetSampleSet(base, indices, labels, classNames);
    }

    @Override
    public SampleShape shape() {
        return base.shape();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public SampleStorage storage() {
        return base.storage();
    }

    @Override
    public void copyTo(int index, ByteBuffer dest) {
        base.copyTo(indices[checked(index)], dest);
    }

    @Override
    public void read(int index, float[] dest, int offset) {
        base.read(indices[checked(index)], dest, offset);
    }

    @Override
    public int label(int index) {
        checked(index);
        return labels == null ? -1 : labels[index];
    }

    private int checked(int index) {
        if (index < 0 || index >= indices.length) {
            throw new IndexOutOfBoundsException(
                    String.format("sample %d is outside [0, %d)", index, indices.length));
        }
        return index;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String origin() {
        return base.origin();
    }

    /** True when the values are read from a cache file rather than held in memory. */
    boolean onDisk() {
        return base instanceof FileSampleSet;
    }
}
