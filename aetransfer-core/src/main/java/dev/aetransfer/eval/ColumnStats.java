package dev.aetransfer.eval;

/** Per-column means and variances of {@code n × d} rows, accumulated in double precision. */
final class ColumnStats {

    private ColumnStats() {}

    /** Mean of each column, {@code d} values. */
    static double[] means(float[][] rows, int d) {
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    /** Variance of each column about {@code mean}, population form (divided by {@code n}). */
    static double[] variances(float[][] rows, double[] mean) {
        double[] variance = new double[mean.length];
        for (float[] row : rows) {
            for (int j = 0; j < mean.length; j++) {
                double deviation = row[j] - mean[j];
                variance[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < mean.length; j++) {
            variance[j] /= rows.length;
        }
        return variance;
    }
}
