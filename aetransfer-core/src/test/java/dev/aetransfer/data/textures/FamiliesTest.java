package dev.aetransfer.data.textures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aetransfer.data.SampleSet;
import org.junit.jupiter.api.Test;

/**
 * The families are told apart by a nearest-centroid classifier on a few per-patch statistics,
 * trained on one seed and tested on another.
 */
class FamiliesTest {

    private static final int SIZE = 32;

    @Test
    void nearestCentroid_everyFamily_farAboveChance() {
        String all = String.join(",", Textures.familyNames());
        String spec = String.format("families=%s&n=%d", all, Families.ALL.size() * 100);

        double accuracy = accuracy(Textures.generate(spec, 1), Textures.generate(spec, 2));

        double chance = 1.0 / Families.ALL.size();
        System.out.printf(
                "nearest centroid on patch statistics, all families: accuracy %.3f, chance %.3f%n",
                accuracy, chance);
        assertThat(accuracy).isGreaterThan(3 * chance);
    }

    @Test
    void nearestCentroid_targetFamilies_farAboveChance() {
        double accuracy =
                accuracy(
                        Textures.generate("target&n=500", 1), Textures.generate("target&n=500", 2));

        double chance = 1.0 / Families.TARGET.size();
        System.out.printf(
                "nearest centroid on patch statistics, target: accuracy %.3f, chance %.3f%n",
                accuracy, chance);
        assertThat(accuracy).isGreaterThan(3 * chance);
    }

    /** Accuracy on {@code test} of nearest centroids fitted on {@code train}, both standardised. */
    private static double accuracy(SampleSet train, SampleSet test) {
        double[][] trainFeatures = features(train);
        Standardiser standardiser = Standardiser.fit(trainFeatures);
        double[][] centroids =
                centroids(
                        standardiser.apply(trainFeatures),
                        labels(train),
                        train.classNames().size());

        double[][] testFeatures = standardiser.apply(features(test));
        int correct = 0;
        for (int i = 0; i < testFeatures.length; i++) {
            if (nearest(centroids, testFeatures[i]) == test.label(i)) {
                correct++;
            }
        }
        return correct / (double) testFeatures.length;
    }

    /**
     * Colour (channel means and spreads) and structure of the grey image: mean gradient, how much
     * the gradients share one direction, mean Laplacian, correlation at distances 1, 2, 4 and 8,
     * skew, kurtosis and how much of the patch sits near the mean.
     */
    private static double[][] features(SampleSet set) {
        int plane = SIZE * SIZE;
        float[] values = new float[3 * plane];
        double[][] features = new double[set.size()][];
        for (int i = 0; i < set.size(); i++) {
            set.read(i, values, 0);
            double[] grey = new double[plane];
            double[] colour = new double[6];
            for (int c = 0; c < 3; c++) {
                double[] channel = new double[plane];
                for (int p = 0; p < plane; p++) {
                    channel[p] = values[c * plane + p];
                    grey[p] += channel[p] / 3;
                }
                colour[c] = mean(channel);
                colour[3 + c] = Math.sqrt(variance(channel, colour[c]));
            }
            features[i] = concat(colour, structure(standardise(grey)));
        }
        return features;
    }

    private static double[] structure(double[] z) {
        double gradient = 0;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        double laplacian = 0;
        for (int y = 1; y < SIZE - 1; y++) {
            for (int x = 1; x < SIZE - 1; x++) {
                int p = y * SIZE + x;
                double gx = (z[p + 1] - z[p - 1]) / 2;
                double gy = (z[p + SIZE] - z[p - SIZE]) / 2;
                gradient += Math.sqrt(gx * gx + gy * gy);
                xx += gx * gx;
                yy += gy * gy;
                xy += gx * gy;
                laplacian += Math.abs(z[p + 1] + z[p - 1] + z[p + SIZE] + z[p - SIZE] - 4 * z[p]);
            }
        }
        int inner = (SIZE - 2) * (SIZE - 2);
        double coherence = Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy) / (xx + yy + 1e-9);

        double skew = 0;
        double kurtosis = 0;
        double nearMean = 0;
        for (double value : z) {
            skew += value * value * value / z.length;
            kurtosis += value * value * value * value / z.length;
            nearMean += Math.abs(value) < 0.5 ? 1.0 / z.length : 0;
        }
        return new double[] {
            gradient / inner,
            coherence,
            laplacian / inner,
            correlation(z, 1),
            correlation(z, 2),
            correlation(z, 4),
            correlation(z, 8),
            skew,
            kurtosis,
            nearMean
        };
    }

    /** Mean of the horizontal and vertical correlation of a standardised image at one distance. */
    private static double correlation(double[] z, int lag) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < SIZE - lag; y++) {
            for (int x = 0; x < SIZE - lag; x++) {
                int p = y * SIZE + x;
                sum += z[p] * z[p + lag] + z[p] * z[p + lag * SIZE];
                count += 2;
            }
        }
        return sum / count;
    }

    private static double[] standardise(double[] values) {
        double mean = mean(values);
        double std = Math.sqrt(variance(values, mean)) + 1e-9;
        double[] z = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            z[i] = (values[i] - mean) / std;
        }
        return z;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / values.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = new double[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static int[] labels(SampleSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    private static double[][] centroids(double[][] features, int[] labels, int classes) {
        double[][] centroids = new double[classes][features[0].length];
        int[] counts = new int[classes];
        for (int i = 0; i < features.length; i++) {
            counts[labels[i]]++;
            for (int f = 0; f < features[i].length; f++) {
                centroids[labels[i]][f] += features[i][f];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int f = 0; f < centroids[c].length; f++) {
                centroids[c][f] /= counts[c];
            }
        }
        return centroids;
    }

    private static int nearest(double[][] centroids, double[] point) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double distance = 0;
            for (int f = 0; f < point.length; f++) {
                distance += (point[f] - centroids[c][f]) * (point[f] - centroids[c][f]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /** Scales every feature to zero mean and unit variance over the training samples. */
    private record Standardiser(double[] mean, double[] std) {

        static Standardiser fit(double[][] train) {
            int width = train[0].length;
            double[] mean = new double[width];
            double[] std = new double[width];
            for (int f = 0; f < width; f++) {
                double[] column = new double[train.length];
                for (int i = 0; i < train.length; i++) {
                    column[i] = train[i][f];
                }
                mean[f] = FamiliesTest.mean(column);
                std[f] = Math.sqrt(variance(column, mean[f])) + 1e-9;
            }
            return new Standardiser(mean, std);
        }

        double[][] apply(double[][] features) {
            double[][] scaled = new double[features.length][];
            for (int i = 0; i < features.length; i++) {
                scaled[i] = new double[features[i].length];
                for (int f = 0; f < features[i].length; f++) {
                    scaled[i][f] = (features[i][f] - mean[f]) / std[f];
                }
            }
            return scaled;
        }
    }
}
