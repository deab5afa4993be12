package dev.aetransfer.data;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The shape of one sample: {@code channels × height × width}. A vector of {@code d} values is
 * {@code 1 × 1 × d}.
 */
public record SampleShape(int channels, int height, int width) {

    public SampleShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "sample shape must be positive in every dimension, got %dx%dx%d",
                            channels, height, width));
        }
    }

    /** A vector of {@code length} values, {@code 1 × 1 × length}. */
    public static SampleShape vector(int length) {
        return new SampleShape(1, 1, length);
    }

    /** Number of values in one sample. */
    public int volume() {
        return channels * height * width;
    }

    /** True for {@code 1 × 1 × d} vectors, which only dense models take. */
    @JsonIgnore
    public boolean isVector() {
        return channels == 1 && height == 1;
    }

    /** {@code C×H×W}, as messages print shapes. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
