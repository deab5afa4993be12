package dev.aetransfer.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

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

    public LatentProjection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a latent projection needs a row name, got none");
        }
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "latent projection %s: %d x, %d y and %d labels, want one of each per point",
                            name, x.length, y.length, labels.length));
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
     * Projects {@code latentMeans} ({@code n × d}, one row per held-out sample) on their two
     * principal components: the rows are centred, the eigenvectors of their {@code d × d} sample
     * covariance sorted by eigenvalue, and each component's sign fixed so that its largest entry is
     * positive, which makes the projection deterministic.
     *
     * @param labels one class per row, -1 where unlabelled
     * @throws IllegalArgumentException if there are no rows, rows differ in length, a value is not
     *     finite, or labels and rows differ in number
     */
    public static LatentProjection of(
            String name, float[][] latentMeans, int[] labels, List<String> classNames) {
        int n = latentMeans.length;
        if (n == 0 || latentMeans[0].length == 0) {
            throw new IllegalArgumentException(
                    String.format("latent projection %s needs at least one latent mean", name));
        }
        int d = latentMeans[0].length;
        DMatrixRMaj centred = centred(name, latentMeans, d);

        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(centred, centred, covariance);
        CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), covariance);
        double total = CommonOps_DDRM.trace(covariance);
        double[][] axes = new double[Math.min(2, d)][];
        double kept = total > 0 ? leadingAxes(covariance, axes) : 0;

        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = total > 0 ? dot(centred, i, axes[0]) : 0;
            y[i] = total > 0 && axes.length > 1 ? dot(centred, i, axes[1]) : 0;
        }
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

    private static DMatrixRMaj centred(String name, float[][] rows, int d) {
        double[] mean = new double[d];
        for (float[] row : rows) {
            if (row.length != d) {
                throw new IllegalArgumentException(
                        String.format(
                                "latent projection %s: latent means have %d and %d values",
                                name, d, row.length));
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            String.format(
                                    "latent projection %s: latent means must be finite, got %s",
                                    name, row[j]));
                }
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }

        DMatrixRMaj centred = new DMatrixRMaj(rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                centred.unsafe_set(i, j, rows[i][j] - mean[j]);
            }
        }
        return centred;
    }

    /** Fills {@code axes} with the leading unit eigenvectors; returns their eigenvalues' sum. */
    private static double leadingAxes(DMatrixRMaj covariance, double[][] axes) {
        EigenDecomposition_F64<DMatrixRMaj> eigen =
                DecompositionFactory_DDRM.eig(covariance.numCols, true, true);
        if (!eigen.decompose(covariance.copy())) {
            throw new IllegalStateException("eigendecomposition of the latent covariance failed");
        }
        Integer[] order = new Integer[eigen.getNumberOfEigenvalues()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(value(eigen, b), value(eigen, a)));

        double kept = 0;
        for (int q = 0; q < axes.length; q++) {
            axes[q] = unit(eigen.getEigenVector(order[q]).getData());
            fixSign(axes[q]);
            kept += Math.max(0, value(eigen, order[q]));
        }
        return kept;
    }

    private static double value(EigenDecomposition_F64<DMatrixRMaj> eigen, int index) {
        return eigen.getEigenvalue(index).real;
    }

    private static double[] unit(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        double[] unit = vector.clone();
        for (int j = 0; j < unit.length; j++) {
            unit[j] /= Math.sqrt(norm);
        }
        return unit;
    }

    private static void fixSign(double[] axis) {
        int largest = 0;
        for (int j = 1; j < axis.length; j++) {
            if (Math.abs(axis[j]) > Math.abs(axis[largest])) {
                largest = j;
            }
        }
        if (axis[largest] < 0) {
            for (int j = 0; j < axis.length; j++) {
                axis[j] = -axis[j];
            }
        }
    }

    private static double dot(DMatrixRMaj rows, int row, double[] axis) {
        double sum = 0;
        for (int j = 0; j < axis.length; j++) {
            sum += rows.unsafe_get(row, j) * axis[j];
        }
        return sum;
    }
}
