package dev.aetransfer.eval;

import java.util.Arrays;

/**
 * k-nearest-neighbour probe with cosine similarity: each held-out row takes the majority class of
 * its {@code k} most similar training rows, and the probe reports the accuracy.
 *
 * <p>Exact search over every training row. Features are compared by the cosine of the angle between
 * them, so scaling a row by any positive factor changes nothing; they are not standardised. A row
 * of zeros has similarity 0 with every row.
 *
 * <p>Ties are broken deterministically. Among training rows equally similar to a held-out row, the
 * one that comes first in the training array is nearer. When classes tie on votes, the class whose
 * voters have the larger summed similarity wins, and after that the smaller class index.
 *
 * <p>Immutable and thread-safe.
 *
 * @param k neighbours that vote, at least 1
 */
public record KnnProbe(int k) {

    /** Neighbours that vote by default. */
    public static final int DEFAULT_K = 5;

    public KnnProbe {
        if (k < 1) {
            throw new IllegalArgumentException(
                    String.format("kNN probe k must be at least 1, got %d", k));
        }
    }

    /** A probe with {@code k} = {@value #DEFAULT_K}. */
    public static KnnProbe defaults() {
        return new KnnProbe(DEFAULT_K);
    }

    /**
     * Classifies each row of {@code testFeatures} ({@code m × d}) by its neighbours in {@code
     * trainFeatures} ({@code n × d}, {@code n >= k}) and returns the accuracy against {@code
     * testLabels}. Labels are class indices {@code >= 0}.
     *
     * @throws IllegalArgumentException if the shapes do not agree, a value is not finite, a label
     *     is negative, or there are fewer than {@code k} training rows
     */
    public ProbeResult evaluate(
            float[][] trainFeatures, int[] trainLabels, float[][] testFeatures, int[] testLabels) {
        int d = Checks.features("kNN probe training features", trainFeatures);
        Checks.labels("kNN probe training labels", trainLabels, trainFeatures.length);
        Checks.sameDimension(
                "kNN probe held-out features",
                d,
                Checks.features("kNN probe held-out features", testFeatures));
        Checks.labels("kNN probe held-out labels", testLabels, testFeatures.length);
        if (trainFeatures.length < k) {
            throw new IllegalArgumentException(
                    String.format(
                            "kNN probe with k=%d needs at least %d training rows, got %d",
                            k, k, trainFeatures.length));
        }

        double[] trainNorms = norms(trainFeatures);
        int classes = Arrays.stream(trainLabels).max().orElseThrow() + 1;
        int[] predictions = new int[testFeatures.length];
        int[] neighbours = new int[k];
        double[] similarities = new double[k];
        for (int i = 0; i < testFeatures.length; i++) {
            nearest(trainFeatures, trainNorms, testFeatures[i], neighbours, similarities);
            predictions[i] = vote(trainLabels, neighbours, similarities, classes);
        }
        return ProbeResult.score(predictions, testLabels, trainLabels);
    }

    /**
     * Fills {@code neighbours} with the indices of the {@code k} training rows most similar to
     * {@code query}, most similar first, and {@code similarities} with their cosines.
     */
    private void nearest(
            float[][] train,
            double[] trainNorms,
            float[] query,
            int[] neighbours,
            double[] similarities) {
        double queryNorm = norm(query);
        Arrays.fill(similarities, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < train.length; j++) {
            double s = cosine(train[j], trainNorms[j], query, queryNorm);
            if (s <= similarities[k - 1]) {
                // Strictly more similar rows only, so an earlier row wins a tie.
                continue;
            }
            int at = k - 1;
            while (at > 0 && similarities[at - 1] < s) {
                similarities[at] = similarities[at - 1];
                neighbours[at] = neighbours[at - 1];
                at--;
            }
            similarities[at] = s;
            neighbours[at] = j;
        }
    }

    private static int vote(int[] labels, int[] neighbours, double[] similarities, int classes) {
        int[] votes = new int[classes];
        double[] weight = new double[classes];
        for (int q = 0; q < neighbours.length; q++) {
            int label = labels[neighbours[q]];
            votes[label]++;
            weight[label] += similarities[q];
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (votes[c] > votes[best] || (votes[c] == votes[best] && weight[c] > weight[best])) {
                best = c;
            }
        }
        return best;
    }

    /** Cosine of the angle between two rows given their norms; 0 when either is all zeros. */
    private static double cosine(float[] a, double normA, float[] b, double normB) {
        if (normA == 0 || normB == 0) {
            return 0;
        }
        double dot = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
        }
        return dot / (normA * normB);
    }

    private static double[] norms(float[][] rows) {
        double[] norms = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            norms[i] = norm(rows[i]);
        }
        return norms;
    }

    private static double norm(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
