package dev.aetransfer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.Json;
import dev.aetransfer.ResidentMemory;
import dev.aetransfer.bench.Benchmark;
import dev.aetransfer.bench.BenchmarkOptions;
import dev.aetransfer.bench.BenchmarkResult;
import dev.aetransfer.bench.Workload;
import dev.aetransfer.data.SampleShape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer bench}: images per second of the fixed workloads on synthetic data, the engine
 * and its thread count, and the peak resident memory. Plain output is one {@code key=value} line
 * per figure; with {@code --json}, stdout holds one JSON list with an entry per workload and shape
 * and the other lines go to stderr.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure training and encoding speed on synthetic data.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON list of the figures on stdout.")
    private boolean json;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "5",
            description = "Measured time per workload and shape (default ${DEFAULT-VALUE}).")
    private double seconds;

    @Option(
            names = "--workload",
            paramLabel = "W",
            description = "A workload to measure, repeatable; default all four.")
    private List<String> workloads = new ArrayList<>();

    @Option(
            names = "--shape",
            paramLabel = "CxHxW",
            description = "Repeatable; default 1x32x32 and 3x64x64.")
    private List<String> shapes = new ArrayList<>();

    @Option(
            names = "--latent",
            paramLabel = "N",
            defaultValue = "32",
            description = "Latent size of the conv-vae (default ${DEFAULT-VALUE}).")
    private int latent;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the images and the models (default ${DEFAULT-VALUE}).")
    private long seed;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        BenchmarkOptions options =
                new BenchmarkOptions(seconds, parsedWorkloads(), parsedShapes(), latent, seed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = json ? spec.commandLine().getErr() : out;
        info.printf("engine=%s%n", DjlEngine.describe());
        info.printf("threads=%d%n", DjlEngine.threads());
        info.flush();

        List<Map<String, Object>> rows = new ArrayList<>();
        Benchmark.run(
                options,
                result -> {
                    info.printf(
                            Locale.ROOT,
                            "%s %s images_per_second=%.1f%n",
                            result.workload().label(),
                            result.shape(),
                            result.imagesPerSecond());
                    info.flush();
                    rows.add(row(result));
                });

        String peak = ResidentMemory.mib(ResidentMemory.peak());
        info.printf("peak_rss_mib=%s%n", peak);
        info.flush();
        if (json) {
            for (Map<String, Object> row : rows) {
                row.put("peak_rss_mib", peakValue());
            }
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            out.flush();
        }
        return 0;
    }

    private static Map<String, Object> row(BenchmarkResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", result.workload().label());
        row.put("shape", result.shape().toString());
        row.put("parameters", result.parameters());
        row.put("images_per_second", Math.round(result.imagesPerSecond() * 10) / 10.0);
        row.put("threads", result.threads());
        row.put("engine", result.engine());
        return row;
    }

    /** The peak in MiB with one decimal, or the word {@code unavailable}. */
    private static Object peakValue() {
        OptionalLong peak = ResidentMemory.peak();
        if (peak.isEmpty()) {
            return "unavailable";
        }
        return Math.round(peak.getAsLong() / (1024.0 * 1024.0) * 10) / 10.0;
    }

    private List<Workload> parsedWorkloads() {
        if (workloads.isEmpty()) {
            return List.of(Workload.values());
        }
        LinkedHashSet<Workload> parsed = new LinkedHashSet<>();
        for (String name : workloads) {
            try {
                parsed.add(Workload.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        String.format("--workload %s: choose one of %s", name, Workload.choices()),
                        e);
            }
        }
        return List.copyOf(parsed);
    }

    private List<SampleShape> parsedShapes() {
        if (shapes.isEmpty()) {
            return BenchmarkOptions.DEFAULT_SHAPES;
        }
        LinkedHashSet<SampleShape> parsed = new LinkedHashSet<>();
        for (String text : shapes) {
            parsed.add(shape(text));
        }
        return List.copyOf(parsed);
    }

    private static SampleShape shape(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length == 3) {
            try {
                int channels = Integer.parseInt(parts[0]);
                int height = Integer.parseInt(parts[1]);
                int width = Integer.parseInt(parts[2]);
                if (channels > 0 && height > 0 && width > 0) {
                    return new SampleShape(channels, height, width);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(
                String.format(
                        "--shape must be CxHxW with positive integers, e.g. 1x32x32, got %s",
                        text));
    }
}
