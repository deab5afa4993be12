package dev.aetransfer.cli;

import dev.aetransfer.train.EpochMetrics;
import dev.aetransfer.train.TrainingProgress;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for a training run: images of the whole run, the time left, images per
 * second, and the current epoch with its latest loss and validation loss. Drawn only when stderr is
 * a terminal; otherwise the per-epoch log lines are the progress.
 */
final class ProgressReporter implements TrainingProgress {

    private final String task;
    private final PrintStream stream;
    private final int batchSize;
    private ProgressBar bar;
    private int epochs;
    private String validation = "";

    /**
     * @param task what is training, e.g. {@code pretrain} or a strategy name
     * @param batchSize samples per step, by which the bar advances
     */
    ProgressReporter(String task, PrintStream stream, int batchSize) {
        this.task = task;
        this.stream = stream;
        this.batchSize = batchSize;
    }

    /** A reporter on stderr when the process has a terminal, else progress nobody watches. */
    static TrainingProgress onTerminal(String task, int batchSize) {
        return System.console() != null
                ? new ProgressReporter(task, System.err, batchSize)
                : TrainingProgress.NONE;
    }

    @Override
    public void onStart(int firstEpoch, int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        long imagesPerEpoch = (long) batchesPerEpoch * batchSize;
        bar =
                new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(epochs * imagesPerEpoch)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(stream))
                        .setUpdateIntervalMillis(250)
                        .setUnit(" img", 1)
                        .showSpeed()
                        .setSpeedUnit(ChronoUnit.SECONDS)
                        .build();
        bar.stepTo((firstEpoch - 1) * imagesPerEpoch);
    }

    @Override
    public void onBatch(int epoch, int batch, double loss) {
        bar.stepBy(batchSize);
        bar.setExtraMessage(
                String.format("epoch %d/%d loss %.4g%s", epoch, epochs, loss, validation));
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        if (!Double.isNaN(metrics.validationLoss())) {
            validation = String.format(" val %.4g", metrics.validationLoss());
        }
    }

    @Override
    public void onEnd() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
