package dev.aetransfer.report;

import dev.aetransfer.AtomicFiles;
import dev.aetransfer.experiment.ComparisonResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a comparison's files into its output folder: {@value #JSON}, {@value #CSV} and {@value
 * #HTML}, each replaced atomically, so that a reader never sees half a file.
 */
public final class ComparisonReport {

    public static final String JSON = "results.json";
    public static final String CSV = "results.csv";
    public static final String HTML = "report.html";

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonReport.class);

    private ComparisonReport() {}

    /** Where the three files went. */
    public record ReportFiles(Path json, Path csv, Path html) {}

    /**
     * Writes the three files into {@code directory}, creating it if needed.
     *
     * @throws UncheckedIOException if a file cannot be written; the message names it
     */
    public static ReportFiles write(ComparisonResult result, Path directory) {
        long start = System.nanoTime();
        ReportFiles files =
                new ReportFiles(
                        directory.resolve(JSON), directory.resolve(CSV), directory.resolve(HTML));
        write(files.json(), ResultsJson.toBytes(result));
        write(files.csv(), ResultsCsv.toBytes(result));
        write(files.html(), HtmlReport.render(result).getBytes(StandardCharsets.UTF_8));
        LOG.info(
                "phase=report out={} seconds={}",
                directory,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return files;
    }

    private static void write(Path file, byte[] content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot write %s: %s", file, e.getMessage()), e);
        }
    }
}
