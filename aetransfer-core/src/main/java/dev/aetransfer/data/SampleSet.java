package dev.aetransfer.data;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A finite, randomly addressable collection of samples of one shape, with optional labels.
 *
 * <p>Implementations are immutable and safe to read from several threads at once. A set may hold
 * its values in memory or stream them from disk; either way {@link #copyTo} is the fast path that
 * batch assembly uses.
 */
public interface SampleSet {

    /** The shape every sample has. */
    SampleShape shape();

    /** Number of samples. */
    int size();

    /** How values are stored; decides what {@link #copyTo} writes. */
    SampleStorage storage();

    /**
     * Writes the stored values of sample {@code index} at the buffer's position and advances it by
     * {@code shape().volume() * storage().bytesPerValue()} bytes: raw bytes for {@link
     * SampleStorage#UINT8}, native-order floats for {@link SampleStorage#FLOAT32}.
     */
    void copyTo(int index, ByteBuffer dest);

    /**
     * Writes sample {@code index} as {@code shape().volume()} floats, {@code C×H×W} row-major, into
     * {@code dest} from {@code offset}. Images come out in [0, 1].
     */
    void read(int index, float[] dest, int offset);

    /** Class of sample {@code index} in {@code [0, classNames().size())}, or -1 if unlabelled. */
    int label(int index);

    /** Names of the classes, indexed by label; empty for an unlabelled set. */
    List<String> classNames();

    /** True when every sample has a label. */
    default boolean labelled() {
        return !classNames().isEmpty();
    }

    /** Where the samples came from, for messages and provenance: a path or a source spec. */
    String origin();
}
