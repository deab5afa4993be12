package dev.aetransfer.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a training run went.
 *
 * @param history the metrics of every epoch, including those before a resume
 * @param bestEpoch the epoch (from 1) with the best validation loss (training loss without
 *     validation)
 * @param stoppedEarly true when early stopping ended the run before its last epoch
 * @param restoredBest true when the model holds the best epoch's parameters rather than the last's
 * @param seconds wall time of this run's epochs, not counting those before a resume
 */
public record TrainingResult(
        List<EpochMetrics> history,
        int bestEpoch,
        boolean stoppedEarly,
        boolean restoredBest,
        double seconds) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /**
     * The figures provenance records: the last epoch's loss and validation figures, and the best
     * epoch; empty when nothing trained.
     */
    public Map<String, Double> finalMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (history.isEmpty()) {
            return metrics;
        }
        EpochMetrics last = last();
        metrics.put("loss", last.loss());
        if (!Double.isNaN(last.validationLoss())) {
            metrics.put("val_loss", last.validationLoss());
            metrics.put("val_mse", last.validationMse());
        }
        metrics.put("best_epoch", (double) bestEpoch);
        return metrics;
    }

    /** The metrics of the last epoch trained. */
    public EpochMetrics last() {
        return history.get(history.size() - 1);
    }
}
