package dev.aetransfer.train;

import java.util.List;

/**
 * Where a training run stands after a completed epoch, as a checkpoint's {@code
 * training-state.json} records it: enough, with the parameters and the optimiser's moments, to
 * continue exactly as an uninterrupted run would.
 *
 * @param epochsDone completed epochs
 * @param step training steps taken
 * @param bestLoss the best validation loss so far (or training loss without validation)
 * @param bestEpoch the epoch (from 1) of the best loss
 * @param epochsWithoutImprovement epochs since the best, for early stopping
 * @param history the metrics of every completed epoch
 * @param config the configuration the run was started with
 */
public record CheckpointState(
        int epochsDone,
        int step,
        double bestLoss,
        int bestEpoch,
        int epochsWithoutImprovement,
        List<EpochMetrics> history,
        TrainingConfig config) {

    public CheckpointState {
        history = List.copyOf(history);
    }
}
