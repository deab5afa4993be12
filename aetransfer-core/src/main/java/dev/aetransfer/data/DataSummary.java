package dev.aetransfer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts and pixel statistics of a sample set, as {@code data describe} prints them.
 *
 * @param classCounts samples of each class, indexed by label; empty when unlabelled
 * @param mean mean value of each channel over every sample, in the units {@link SampleSet#read}
 *     gives ([0, 1] for images); a vector set has one "channel"
 * @param std population standard deviation of each channel, likewise
 */
public record DataSummary(
        int size,
        SampleShape shape,
        SampleStorage storage,
        List<String> classNames,
        List<Integer> classCounts,
        List<Double> mean,
        List<Double> std) {

    public DataSummary {
        classNames = List.copyOf(classNames);
        classCounts = List.copyOf(classCounts);
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }

    /** Reads every sample of {@code set} once. */
    public static DataSummary of(SampleSet set) {
        SampleShape shape = set.shape();
        int channels = shape.isVector() ? 1 : shape.channels();
        int plane = shape.volume() / channels;
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        float[] values = new float[shape.volume()];
        for (int i = 0; i < set.size(); i++) {
            set.read(i, values, 0);
            for (int c = 0; c < channels; c++) {
                double s = 0;
                double q = 0;
                for (int k = c * plane; k < (c + 1) * plane; k++) {
                    s += values[k];
                    q += (double) values[k] * values[k];
                }
                sum[c] += s;
                squares[c] += q;
            }
        }

        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        double n = (double) set.size() * plane;
        for (int c = 0; c < channels; c++) {
            double m = n == 0 ? Double.NaN : sum[c] / n;
            mean.add(m);
            std.add(n == 0 ? Double.NaN : Math.sqrt(Math.max(0, squares[c] / n - m * m)));
        }
        List<Integer> counts = new ArrayList<>();
        for (int count : Splits.counts(set)) {
            counts.add(count);
        }
        return new DataSummary(
                set.size(), shape, set.storage(), set.classNames(), counts, mean, std);
    }
}
