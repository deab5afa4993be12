package dev.aetransfer.eval;

import dev.aetransfer.data.SampleShape;

/**
 * Input checks shared by the package; each throws {@link IllegalArgumentException} on bad input.
 */
final class Checks {

    private static final String OUTSIDE_UNIT_RANGE =
            "%s: image %d of the batch has value %s at index %d, outside [0, 1]";
    private static final String NEGATIVE_LABEL =
            "%s: label %d at index %d is not a class index >= 0; probes need labels";

    private Checks() {}

    /** Checks that every image has {@code shape.volume()} values, all in [0, 1]. */
    static void images(String what, float[][] images, SampleShape shape) {
        for (int i = 0; i < images.length; i++) {
            image(what, i, images[i], shape);
        }
    }

    private static void image(String what, int index, float[] image, SampleShape shape) {
        if (image.length != shape.volume()) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: image %d of the batch has %d values, expected %d for shape %s",
                            what, index, image.length, shape.volume(), shape));
        }
        for (int j = 0; j < image.length; j++) {
            float v = image[j];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException(
                        String.format(OUTSIDE_UNIT_RANGE, what, index, v, j));
            }
        }
    }

    /** Checks that two arrays of images pair up one to one. */
    static void sameCount(float[][] originals, float[][] reconstructions) {
        if (originals.length != reconstructions.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "got %d originals but %d reconstructions; they must pair up",
                            originals.length, reconstructions.length));
        }
    }

    /**
     * Checks that {@code features} has at least one row, that every row has the same number of
     * values and that every value is finite; returns that number.
     */
    static int features(String what, float[][] features) {
        if (features.length == 0) {
            throw new IllegalArgumentException(String.format("%s: no rows", what));
        }
        int d = features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(String.format("%s: rows have no values", what));
        }
        for (int i = 0; i < features.length; i++) {
            float[] row = features[i];
            if (row.length != d) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s: row %d has %d values, expected %d like row 0",
                                what, i, row.length, d));
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            String.format(
                                    "%s: row %d has a non-finite value %s at column %d",
                                    what, i, row[j], j));
                }
            }
        }
        return d;
    }

    /** Checks that held-out rows have as many values as the training rows. */
    static void sameDimension(String what, int expected, int actual) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: rows have %d values but the training rows have %d",
                            what, actual, expected));
        }
    }

    /** Checks that there is one label per row and every label is a class index. */
    static void labels(String what, int[] labels, int rows) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s: got %d labels for %d feature rows; need one per row",
                            what, labels.length, rows));
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(
                        String.format(NEGATIVE_LABEL, what, labels[i], i));
            }
        }
    }
}
