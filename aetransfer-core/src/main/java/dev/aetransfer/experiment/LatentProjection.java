package dev.aetransfer.experiment;

import dev.aetransfer.eval.PcaBaseline;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The held-out latent means of one strategy or baseline, projected to 2-D on their two principal
 * components, with the class of each point. Arrays are copied in and out.
 *
 * @param name the strategy or baseline, as its {@link ComparisonRow} names it
 * @param x each point's coordinate on the first principal component
 * @param y each point's coordinate on the second (0 for a one-unit latent)
 * @param labels each point's class in {@code [0, classNames.size())}, or -1 when unlabelled
 * @param classNames names of the classes, indexed by label; empty when unlabelled
 * @param explainedVariance share of the latent means' variance the two components hold, in [0, 1];
 *     0 when the means do not vary
 */
public record LatentProjection(
        String name,
        double[] x,
        double[] y,
        int[] labels,
        List<String> classNames,
        double explainedVariance) {

    private static final String POINTS_DIFFER =
            "latent projection %s: %d x, %d y and %d labels, want one of each per point";

    public LatentProjection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a latent projection needs a row name, got none");
        }
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException(
                    String.format(POINTS_DIFFER, name, x.length, y.length, labels.length));
        }
        classNames = List.copyOf(classNames);
        for (int label : labels) {
            if (label < -1 || label >= classNames.size()) {
                throw new IllegalArgumentException(
                        String.format(
                                "latent projection %s: label %d is outside [-1, %d)",
                                name, label, classNames.size()));
            }
        }
        if (!(explainedVariance >= 0 && explainedVariance <= 1 + 1e-9)) {
            throw new IllegalArgumentException(
                    String.format(
                            "latent projection %s: explained variance must be in [0, 1], got %s",
                            name, explainedVariance));
        }
        x = x.clone();
        y = y.clone();
        labels = labels.clone();
    }

    /**
     * Projects {@code latentMeans} ({@code n × d}, one row per held-out sample, {@code n >= 2}) on
     * their two leading principal components, fitted to these rows by {@link PcaBaseline} (each
     * component's sign fixed, so the projection is deterministic).
     *
     * @param labels one class per row, -1 where unlabelled
     * @throws IllegalArgumentException if there are fewer than two rows, rows differ in length, a
     *     value is not finite, or labels and rows differ in number
     */
    public static LatentProjection of(
            String name, float[][] latentMeans, int[] labels, List<String> classNames) {
        int n = latentMeans.length;
        if (n < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "latent projection %s needs at least 2 latent means, got %d", name, n));
        }
        PcaBaseline pca;
        float[][] codes;
        try {
            pca = PcaBaseline.fit(latentMeans, Math.min(2, latentMeans[0].length));
            codes = pca.encode(latentMeans);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    String.format("latent projection %s: %s", name, e.getMessage()), e);
        }

        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = codes[i][0];
            y[i] = codes[i].length > 1 ? codes[i][1] : 0;
        }
        double kept = 0;
        for (double variance : pca.explainedVariance()) {
            kept += variance;
        }
        double total = totalVariance(latentMeans);
        double explained = total > 0 ? Math.min(1, kept / total) : 0;
        return new LatentProjection(name, x, y, labels, classNames, explained);
    }

    /** Number of points. */
    public int size() {
        return x.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatentProjection that
                && name.equals(that.name)
                && Arrays.equals(x, that.x)
                && Arrays.equals(y, that.y)
                && Arrays.equals(labels, that.labels)
                && classNames.equals(that.classNames)
                && Double.compare(explainedVariance, that.explainedVariance) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                Arrays.hashCode(x),
                Arrays.hashCode(y),
                Arrays.hashCode(labels),
                classNames,
                explainedVariance);
    }

    @Override
    public String toString() {
        return String.format(
                "LatentProjection[name=%s, points=%d, classes=%d, explainedVariance=%.3f]",
                name, x.length, classNames.size(), explainedVariance);
    }

    /** Sum of the columns' sample variances: the variance all components together hold. */
    private static double totalVariance(float[][] rows) {
        int d = rows[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] row : rows) {
                mean += row[j];
            }
            mean /= rows.length;
            for (float[] row : rows) {
                total += (row[j] - mean) * (row[j] - mean);
            }
        }
        return total / (rows.length - 1);
    }
}
