package dev.aetransfer.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Random;

/**
 * Random symmetries of the square applied to training images, for data such as textures that have
 * no up or down. {@code flip} draws from the four flips of the image (none, horizontal, vertical,
 * both); {@code rot90} adds the transposes, giving all eight symmetries of the square, and needs
 * square images. Never applied to held-out data.
 *
 * @param flip whether to flip
 * @param rotate whether to rotate by multiples of 90 degrees (with {@code flip}: all eight)
 */
public record Augmentation(boolean flip, boolean rotate) {

    /** Codes of the rotations by 0, 90, 180 and 270 degrees (see {@link #draw}). */
    private static final int[] QUARTER_TURNS = {0, 5, 3, 6};

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(false, false);

    /**
     * Parses {@code --augment}: a comma-separated list of {@code flip} and {@code rot90}, or {@code
     * none}.
     */
    public static Augmentation parse(String text) {
        boolean flip = false;
        boolean rotate = false;
        for (String part : text.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "flip" -> flip = true;
                case "rot90" -> rotate = true;
                case "none", "" -> {}
                default ->
                        throw new IllegalArgumentException(
                                String.format(
                                        "--augment: unknown transform %s; use flip, rot90 or none",
                                        part.trim()));
            }
        }
        return new Augmentation(flip, rotate);
    }

    /** True when no symmetry is ever applied. */
    @JsonIgnore
    public boolean isNone() {
        return !flip && !rotate;
    }

    /**
     * Checks that these symmetries apply to samples of this shape.
     *
     * @throws IllegalArgumentException for vectors, or for rotations of non-square images
     */
    public void check(SampleShape shape) {
        if (isNone()) {
            return;
        }
        if (shape.isVector()) {
            throw new IllegalArgumentException(
                    String.format(
                            "--augment applies to images, not to vectors of shape %s", shape));
        }
        if (rotate && shape.height() != shape.width()) {
            throw new IllegalArgumentException(
                    String.format("--augment rot90 needs square images, got %s", shape));
        }
    }

    /**
     * Draws a symmetry code for one sample: bit 0 flips left-right, bit 1 flips top-bottom, bit 2
     * transposes. Code 0 is the identity.
     */
    public int draw(Random random) {
        if (flip && rotate) {
            return random.nextInt(8);
        }
        if (flip) {
            return random.nextInt(4);
        }
        return rotate ? QUARTER_TURNS[random.nextInt(4)] : 0;
    }

    /** Every code {@link #draw} can return, in ascending order; just 0 without augmentation. */
    public int[] possibleCodes() {
        if (flip && rotate) {
            return new int[] {0, 1, 2, 3, 4, 5, 6, 7};
        }
        if (flip) {
            return new int[] {0, 1, 2, 3};
        }
        return rotate ? new int[] {0, 3, 5, 6} : new int[] {0};
    }

    /**
     * Writes {@code src}, one sample of {@code shape} as bytes, into {@code dst} from {@code
     * offset}, transformed by the symmetry {@code code} from {@link #draw}.
     */
    public static void apply(byte[] src, SampleShape shape, int code, byte[] dst, int offset) {
        int height = shape.height();
        int width = shape.width();
        if (code == 0) {
            System.arraycopy(src, 0, dst, offset, shape.volume());
            return;
        }
        boolean flipX = (code & 1) != 0;
        boolean flipY = (code & 2) != 0;
        boolean transpose = (code & 4) != 0;
        int plane = height * width;
        for (int c = 0; c < shape.channels(); c++) {
            int base = c * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int a = transpose ? x : y;
                    int b = transpose ? y : x;
                    int sy = flipY ? height - 1 - a : a;
                    int sx = flipX ? width - 1 - b : b;
                    dst[offset + base + y * width + x] = src[base + sy * width + sx];
                }
            }
        }
    }

    @Override
    public String toString() {
        if (flip && rotate) {
            return "flip,rot90";
        }
        return flip ? "flip" : rotate ? "rot90" : "none";
    }
}
