package dev.aetransfer.model;

import java.util.Arrays;

/**
 * Per-value standardisation applied before the encoder and undone after the decoder, for vector
 * data whose values are not in [0, 1]. Images need none.
 *
 * @param mean one mean per input value
 * @param std one standard deviation per input value, each positive
 */
public record InputScaling(float[] mean, float[] std) {

    public InputScaling {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "input scaling needs as many means as deviations, got %d and %d",
                            mean.length, std.length));
        }
        for (int i = 0; i < std.length; i++) {
            checkValue(i, mean[i], std[i]);
        }
        mean = mean.clone();
        std = std.clone();
    }

    private static void checkValue(int index, float mean, float std) {
        if (!(std > 0) || !Float.isFinite(mean) || !Float.isFinite(std)) {
            throw new IllegalArgumentException(
                    String.format(
                            "input value %d needs a finite mean and deviation > 0, got %s, %s",
                            index, mean, std));
        }
    }

    /** Means and deviations of each value over {@code n × d} rows; constant values get 1. */
    public static InputScaling fit(float[][] rows) {
        int d = rows[0].length;
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sumSq[j] += (double) row[j] * row[j];
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / rows.length;
            double variance = Math.max(0, sumSq[j] / rows.length - m * m);
            mean[j] = (float) m;
            std[j] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
        }
        return new InputScaling(mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputScaling that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "InputScaling[" + mean.length + " values]";
    }
}
