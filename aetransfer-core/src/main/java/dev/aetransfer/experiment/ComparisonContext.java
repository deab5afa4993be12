package dev.aetransfer.experiment;

import java.util.List;
import java.util.Locale;

/**
 * What a comparison ran on, for the report's header and {@code results.json}.
 *
 * @param dataOrigin the target data as given to {@code --data}: a path or a source spec
 * @param pretrainedModel file name of the pretrained model the strategies start from
 * @param seeds seeds every strategy ran with, at least 1
 * @param epochs fine-tuning epochs per strategy and seed, at least 0
 * @param totalSeconds wall time of the whole comparison, at least 0
 * @param trainSize target training samples, at least 1
 * @param testSize target held-out samples, at least 1
 * @param classNames the target's classes, indexed by label; empty when it has no labels
 */
public record ComparisonContext(
        String dataOrigin,
        String pretrainedModel,
        int seeds,
        int epochs,
        double totalSeconds,
        int trainSize,
        int testSize,
        List<String> classNames) {

    public ComparisonContext {
        if (dataOrigin == null || pretrainedModel == null) {
            throw new IllegalArgumentException(
                    "a comparison context needs the data origin and the pretrained model");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException(
                    String.format("--seeds must be at least 1, got %d", seeds));
        }
        if (epochs < 0) {
            throw new IllegalArgumentException(
                    String.format("--epochs must be 0 or more, got %d", epochs));
        }
        if (!(totalSeconds >= 0) || Double.isInfinite(totalSeconds)) {
            throw new IllegalArgumentException(
                    String.format("total seconds must be 0 or more, got %s", totalSeconds));
        }
        if (trainSize < 1 || testSize < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "a comparison needs training and held-out samples, got %d and %d",
                            trainSize, testSize));
        }
        classNames = List.copyOf(classNames);
    }

    /** True when the target has labels, so probes could be measured. */
    public boolean labelled() {
        return !classNames.isEmpty();
    }

    /** {@code 3 seeds × 20 epochs}, or {@code 1 seed × 20 epochs}. */
    public String runs() {
        return String.format(
                Locale.ROOT, "%d seed%s × %d epochs", seeds, seeds == 1 ? "" : "s", epochs);
    }
}
