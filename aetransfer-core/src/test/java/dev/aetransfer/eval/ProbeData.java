package dev.aetransfer.eval;

import java.util.Random;

/** Labelled synthetic features for the probe tests: Gaussian clusters, or noise. */
record ProbeData(float[][] features, int[] labels) {

    /**
     * {@code n} rows in {@code d} dimensions, class {@code i % classes} for row {@code i}: unit
     * Gaussian noise around a class centre drawn with standard deviation {@code spread}. Centres
     * come from {@code centreSeed}, noise from {@code noiseSeed}, so a training and a held-out
     * split share centres.
     */
    static ProbeData clusters(
            int n, int d, int classes, double spread, long centreSeed, long noiseSeed) {
        Random centreRandom = new Random(centreSeed);
        double[][] centres = new double[classes][d];
        for (double[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = spread * centreRandom.nextGaussian();
            }
        }
        Random noise = new Random(noiseSeed);
        float[][] features = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < d; j++) {
                features[i][j] = (float) (centres[labels[i]][j] + noise.nextGaussian());
            }
        }
        return new ProbeData(features, labels);
    }

    /** {@code n} rows of Gaussian noise with labels drawn uniformly, independent of the rows. */
    static ProbeData noise(int n, int d, int classes, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            for (int j = 0; j < d; j++) {
                features[i][j] = (float) random.nextGaussian();
            }
        }
        return new ProbeData(features, labels);
    }
}
