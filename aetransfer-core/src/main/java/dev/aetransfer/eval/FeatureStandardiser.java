package dev.aetransfer.eval;

/**
 * Per-feature standardisation fitted on training features: each feature has its training mean
 * subtracted and is divided by its training standard deviation (population form, divided by {@code
 * n}). A feature that is constant over the training rows is only centred.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureStandardiser {

    private final double[] mean;
    private final double[] scale;

    private FeatureStandardiser(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the means and standard deviations of {@code training}, {@code n × d}.
     *
     * @throws IllegalArgumentException if there are no rows, rows differ in length or a value is
     *     not finite
     */
    public static FeatureStandardiser fit(float[][] training) {
        int d = Checks.features("training features", training);
        double[] mean = ColumnStats.means(training, d);
        double[] scale = ColumnStats.variances(training, mean);
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(scale[j]);
            scale[j] = std > 0 ? std : 1;
        }
        return new FeatureStandardiser(mean, scale);
    }

    /** Number of features {@code d} this was fitted on. */
    public int dimension() {
        return mean.length;
    }

    /**
     * Standardised copy of {@code features}, {@code n × d}; the argument is not modified.
     *
     * @throws IllegalArgumentException if the rows do not have {@link #dimension()} values or a
     *     value is not finite
     */
    public float[][] apply(float[][] features) {
        return toFloat(applyAsDouble(features));
    }

    /** As {@link #apply}, in double precision, for the solvers that take doubles. */
    double[][] applyAsDouble(float[][] features) {
        int d = Checks.features("features to standardise", features);
        Checks.sameDimension("features to standardise", mean.length, d);
        double[][] out = new double[features.length][d];
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = (features[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    private static float[][] toFloat(double[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[values[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) values[i][j];
            }
        }
        return out;
    }
}
