package dev.aetransfer.cli;

import dev.aetransfer.experiment.ComparisonRunner;
import dev.aetransfer.train.TrainingProgress;
import java.io.PrintWriter;

/**
 * Comparison progress on stderr: one line per fine-tuning run with the strategy, the seed and the
 * time left, and a progress bar within each run when stderr is a terminal.
 */
final class ComparisonProgressLines implements ComparisonRunner.Progress {

    private final PrintWriter err;
    private final int batchSize;

    ComparisonProgressLines(PrintWriter err, int batchSize) {
        this.err = err;
        this.batchSize = batchSize;
    }

    @Override
    public void onRun(String strategy, int seed, int run, int runs, double secondsLeft) {
        String left = Double.isNaN(secondsLeft) ? "" : ", about " + duration(secondsLeft) + " left";
        err.printf("compare [%d/%d] %s, seed %d%s%n", run, runs, strategy, seed, left);
        err.flush();
    }

    @Override
    public TrainingProgress training(String strategy) {
        return ProgressReporter.onTerminal(strategy, batchSize);
    }

    @Override
    public void onBaselines() {
        err.println("compare: baselines (PCA, raw pixels)");
        err.flush();
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole < 60 ? whole + "s" : String.format("%dm%02ds", whole / 60, whole % 60);
    }
}
