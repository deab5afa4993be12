package dev.aetransfer.cli;

import dev.aetransfer.data.ContactSheet;
import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.DataSummary;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleStorage;
import dev.aetransfer.data.TrainTestSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer data describe}: loads the data as training would and prints its count, shape,
 * classes with their counts in each split, per-channel mean and standard deviation of the training
 * split, and how it was prepared; {@code --sheet} also writes a contact sheet.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description =
                "Print the count, shape, classes, pixel statistics and split sizes of a dataset.")
final class DescribeCommand implements Callable<Integer> {

    private static final List<String> RGB = List.of("red", "green", "blue");
    private static final String SOURCE = "source:";

    @Mixin private DataOptions data;

    @Option(
            names = "--sheet",
            paramLabel = "PNG",
            description = "Also write a contact sheet of training samples, one row per class.")
    private Path sheet;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        TrainTestSplit split = DataLoader.load(data.toRequest());
        SampleSet train = split.train();
        DataSummary summary = DataSummary.of(train);
        DataSummary test = DataSummary.of(split.test());
        PrintWriter out = spec.commandLine().getOut();

        split.notes().stream().filter(n -> n.startsWith(SOURCE)).forEach(out::println);
        out.printf(
                "samples:  %d (train %d, test %d)%n",
                summary.size() + test.size(), summary.size(), test.size());
        out.printf("shape:    %s%n", shapeText(train));
        printClasses(out, summary, test);
        printStatistics(out, summary);
        split.notes().stream().filter(n -> !n.startsWith(SOURCE)).forEach(out::println);

        if (sheet != null) {
            ContactSheet.write(train, sheet);
            out.printf("sheet:    %s%n", sheet);
        }
        out.flush();
        return 0;
    }

    private static String shapeText(SampleSet set) {
        if (set.storage() == SampleStorage.FLOAT32) {
            return String.format(
                    "vectors of %d float values (%s)", set.shape().volume(), set.shape());
        }
        return String.format(
                "%s (channels x height x width), 8-bit values read as [0, 1]", set.shape());
    }

    private static void printClasses(PrintWriter out, DataSummary train, DataSummary test) {
        if (train.classNames().isEmpty()) {
            out.println("classes:  none (unlabelled)");
            return;
        }
        out.printf("classes:  %d%n", train.classNames().size());
        int width = train.classNames().stream().mapToInt(String::length).max().orElse(0);
        out.printf("  label  %s  %7s  %7s%n", pad("class", width), "train", "test");
        for (int c = 0; c < train.classNames().size(); c++) {
            int testCount = c < test.classCounts().size() ? test.classCounts().get(c) : 0;
            out.printf(
                    "  %5d  %s  %7d  %7d%n",
                    c,
                    pad(train.classNames().get(c), width),
                    train.classCounts().get(c),
                    testCount);
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static void printStatistics(PrintWriter out, DataSummary summary) {
        boolean vectors = summary.storage() == SampleStorage.FLOAT32;
        out.println(
                vectors
                        ? "values of the training split:"
                        : "pixels of the training split, in [0, 1]:");
        for (int c = 0; c < summary.mean().size(); c++) {
            out.printf(
                    Locale.ROOT,
                    "  %-6s mean %.4f  std %.4f%n",
                    channelName(vectors, summary.mean().size(), c),
                    summary.mean().get(c),
                    summary.std().get(c));
        }
    }

    private static String channelName(boolean vectors, int channels, int channel) {
        if (vectors) {
            return "all";
        }
        if (channels == 1) {
            return "grey";
        }
        return channels == 3 ? RGB.get(channel) : Integer.toString(channel);
    }
}
