package dev.aetransfer.data;

/** How a {@link SampleSet} holds its values, and so what {@link SampleSet#copyTo} writes. */
public enum SampleStorage {
    /** One byte per value; the value read is {@code byte / 255} in [0, 1]. */
    UINT8(1),
    /** One float per value, native byte order, any range. */
    FLOAT32(4);

    private final int bytesPerValue;

    SampleStorage(int bytesPerValue) {
        this.bytesPerValue = bytesPerValue;
    }

    public int bytesPerValue() {
        return bytesPerValue;
    }
}
