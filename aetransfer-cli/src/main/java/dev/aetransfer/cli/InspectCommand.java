package dev.aetransfer.cli;

import ai.djl.ndarray.types.Shape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.Provenance;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.transfer.FineTuner;
import dev.aetransfer.transfer.FreezePlan;
import dev.aetransfer.transfer.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer inspect}: the stages of a model with their output shapes and parameter counts,
 * its provenance, and, for a strategy, whether each stage trains and at which learning-rate
 * multiplier, with the totals of trainable and frozen parameters.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "Show a model's stages, parameters and provenance, and what a strategy trains.")
final class InspectCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The model file.")
    private Path modelFile;

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            description = "Show what this strategy trains (in its first epoch for gradual).")
    private String strategy;

    @Mixin private TransferOptionsMixin transfer;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        Strategy parsed = strategy == null ? null : Strategy.parse(strategy);
        PrintWriter out = spec.commandLine().getOut();
        try (Autoencoder loaded = ModelFile.load(modelFile)) {
            Autoencoder model = loaded;
            FreezePlan plan = null;
            Autoencoder prepared = null;
            if (parsed != null) {
                FineTuner tuner =
                        new FineTuner(
                                parsed, TrainingConfig.builder().build(), transfer.toOptions());
                prepared = tuner.prepare(loaded);
                model = prepared;
                plan = tuner.plan(prepared, 0);
            }
            try {
                printHeader(out, model.spec(), loaded.provenance());
                printStages(out, model, plan, parsed);
            } finally {
                if (prepared != null) {
                    prepared.close();
                }
            }
        }
        out.flush();
        return 0;
    }

    private void printHeader(PrintWriter out, AutoencoderSpec spec, Provenance provenance) {
        out.printf("model:      %s%n", modelFile);
        out.printf(
                "kind:       %s %s, input %s, latent %d, %s, %s normalisation%n",
                spec.kind().name().toLowerCase(),
                spec.variational() ? "VAE" : "autoencoder",
                spec.inputShape(),
                spec.latentSize(),
                spec.activation().name().toLowerCase(),
                spec.normalisation().name().toLowerCase());
        out.printf(
                "trained:    %d epochs on %s (%d samples, %s), seed %d%n",
                provenance.epochs(),
                provenance.dataOrigin(),
                provenance.samples(),
                provenance.dataFingerprint(),
                provenance.seed());
        if (provenance.parent() != null) {
            out.printf(
                    "parent:     %s (sha256 %s), strategy %s%n",
                    provenance.parent(), provenance.parentSha256(), provenance.strategy());
        }
        if (!provenance.metrics().isEmpty()) {
            StringBuilder metrics = new StringBuilder();
            provenance.metrics().forEach((k, v) -> metrics.append(" " + k + "=" + figure(v)));
            out.printf("metrics:   %s%n", metrics);
        }
        out.printf(
                "written by: aetransfer %s with DJL %s, %s%n",
                provenance.aetransferVersion(), provenance.djlVersion(), provenance.engine());
        out.println();
    }

    private static void printStages(
            PrintWriter out, Autoencoder model, FreezePlan plan, Strategy strategy) {
        List<String> stages = model.block().stageNames();
        List<Shape> shapes = model.block().stageOutputShapes();
        Map<String, Long> counts = model.stageParameterCounts();
        if (plan == null) {
            out.printf("%-14s %-16s %12s%n", "stage", "output", "parameters");
        } else {
            out.printf(
                    "%-14s %-16s %12s  %-7s %s%n",
                    "stage", "output", "parameters", "trains", "lr x");
        }
        long trainable = 0;
        long frozen = 0;
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            long count = counts.get(stage);
            String shape = shapeText(shapes.get(i));
            if (plan == null) {
                out.printf("%-14s %-16s %,12d%n", stage, shape, count);
                continue;
            }
            boolean trains = plan.trains(stage);
            if (trains) {
                trainable += count;
            } else {
                frozen += count;
            }
            out.printf(
                    "%-14s %-16s %,12d  %-7s %s%n",
                    stage,
                    shape,
                    count,
                    trains ? "yes" : "frozen",
                    trains ? String.format("%.3g", plan.multiplier(stage)) : "-");
        }
        out.printf("%-14s %-16s %,12d%n", "total", "", model.parameterCount());
        if (plan != null) {
            out.printf(
                    "%nstrategy %s: %,d trainable and %,d frozen parameters%n",
                    strategy, trainable, frozen);
        }
    }

    /** A whole number as such (an epoch), anything else with five significant digits. */
    private static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9
                ? String.valueOf((long) value)
                : String.format("%.5g", value);
    }

    private static String shapeText(Shape shape) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shape.dimension(); i++) {
            text.append(i == 0 ? "" : "x").append(shape.get(i));
        }
        return text.toString();
    }
}
