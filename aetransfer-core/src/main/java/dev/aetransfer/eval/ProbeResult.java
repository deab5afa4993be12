package dev.aetransfer.eval;

/**
 * How a probe scored on the held-out split.
 *
 * @param correct held-out examples whose class the probe predicted right
 * @param total held-out examples, at least 1
 * @param majorityCorrect held-out examples whose class is the most frequent training class (the
 *     smallest such class on a tie): what always guessing that class would score
 */
public record ProbeResult(int correct, int total, int majorityCorrect) {

    private static final String COUNTS_OUT_OF_RANGE =
            "probe counts must be in [0, total >= 1], got correct=%d majorityCorrect=%d total=%d";

    public ProbeResult {
        if (total < 1
                || correct < 0
                || correct > total
                || majorityCorrect < 0
                || majorityCorrect > total) {
            throw new IllegalArgumentException(
                    String.format(COUNTS_OUT_OF_RANGE, correct, majorityCorrect, total));
        }
    }

    /** Fraction of held-out examples classified right, in [0, 1]. */
    public double accuracy() {
        return (double) correct / total;
    }

    /** Accuracy of always guessing the most frequent training class, in [0, 1]. */
    public double majorityAccuracy() {
        return (double) majorityCorrect / total;
    }

    /** The result of {@code predictions} against {@code truth}, with the majority baseline. */
    static ProbeResult score(int[] predictions, int[] truth, int[] trainingLabels) {
        int majority = majorityClass(trainingLabels);
        int correct = 0;
        int majorityCorrect = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predictions[i] == truth[i]) {
                correct++;
            }
            if (truth[i] == majority) {
                majorityCorrect++;
            }
        }
        return new ProbeResult(correct, truth.length, majorityCorrect);
    }

    private static int majorityClass(int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        int[] counts = new int[max + 1];
        for (int label : labels) {
            counts[label]++;
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }
}
