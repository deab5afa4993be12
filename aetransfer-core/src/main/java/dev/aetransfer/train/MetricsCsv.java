package dev.aetransfer.train;

import dev.aetransfer.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a run's per-epoch metrics as CSV, one row per epoch, replacing the file atomically. */
public final class MetricsCsv {

    /** The header row. */
    public static final String HEADER =
            "epoch,loss,reconstruction,kl,val_loss,val_mse,lr,seconds,images_per_second";

    private MetricsCsv() {}

    /** The metrics file of an output model: {@code model.aet} gets {@code model.metrics.csv}. */
    public static Path besideOutput(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return output.resolveSibling(stem + ".metrics.csv");
    }

    /** Writes every epoch's metrics to {@code file}; NaN figures are left empty. */
    public static void write(Path file, List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : history) {
            csv.append(m.epoch());
            for (double value :
                    new double[] {
                        m.loss(),
                        m.reconstruction(),
                        m.kl(),
                        m.validationLoss(),
                        m.validationMse(),
                        m.learningRate(),
                        m.seconds(),
                        m.samplesPerSecond()
                    }) {
                csv.append(',');
                if (!Double.isNaN(value)) {
                    csv.append(String.format(Locale.ROOT, "%.6g", value));
                }
            }
            csv.append('\n');
        }
        try {
            AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot write metrics %s: %s", file, e.getMessage()), e);
        }
    }
}
