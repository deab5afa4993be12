package dev.aetransfer.cli;

import dev.aetransfer.Json;
import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.eval.ModelEvaluation;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer evaluate}: reconstruction figures of a model on the training and held-out
 * splits of some data (MSE, PSNR, SSIM; ELBO and KL for a VAE; active latent units), and the gap
 * between them.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Measure a model's reconstructions (MSE, PSNR, SSIM, ELBO, KL) on data.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The model file.")
    private Path modelFile;

    @Option(names = "--json", description = "Print the figures as JSON.")
    private boolean json;

    @Mixin private DataOptions data;
    @Mixin private AdaptInputOption adaptInput;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainTestSplit split = DataLoader.load(data.toRequest());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", modelFile.toString());
        report.put("data", split.train().origin());
        try (Autoencoder model = ModelFile.load(modelFile)) {
            SampleSet train = adaptInput.adapt(split.train(), model.spec().inputShape());
            ModelEvaluation trained = ModelEvaluation.of(model, train);
            report.put("train", figures(trained));
            if (split.test().size() > 0) {
                SampleSet test = adaptInput.adapt(split.test(), model.spec().inputShape());
                ModelEvaluation heldOut = ModelEvaluation.of(model, test);
                report.put("test", figures(heldOut));
                report.put("overfit_gap", heldOut.mse() - trained.mse());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(report));
        } else {
            printText(out, report);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> figures(ModelEvaluation evaluation) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("samples", evaluation.samples());
        figures.put("mse", evaluation.mse());
        figures.put("psnr", orNull(evaluation.psnr()));
        figures.put("ssim", orNull(evaluation.ssim()));
        figures.put("elbo", orNull(evaluation.elbo()));
        figures.put("kl", orNull(evaluation.kl()));
        figures.put("active_units", evaluation.activeUnits());
        return figures;
    }

    /** A figure or null; an infinite PSNR (perfect reconstruction) is null in JSON too. */
    private static Double orNull(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble())
                ? value.getAsDouble()
                : null;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, Map<String, Object> report) {
        out.printf("model: %s%ndata:  %s%n", report.get("model"), report.get("data"));
        out.printf(
                "%-6s %8s %10s %8s %8s %10s %8s %7s%n",
                "split", "samples", "mse", "psnr", "ssim", "elbo", "kl", "active");
        for (String split : new String[] {"train", "test"}) {
            Map<String, Object> f = (Map<String, Object>) report.get(split);
            if (f == null) {
                continue;
            }
            out.printf(
                    "%-6s %8d %10.5g %8s %8s %10s %8s %7d%n",
                    split,
                    (Integer) f.get("samples"),
                    (Double) f.get("mse"),
                    text(f.get("psnr"), "%.2f"),
                    text(f.get("ssim"), "%.4f"),
                    text(f.get("elbo"), "%.2f"),
                    text(f.get("kl"), "%.2f"),
                    (Integer) f.get("active_units"));
        }
        if (report.containsKey("overfit_gap")) {
            out.printf(
                    "overfit gap (test mse - train mse): %.5g%n",
                    (Double) report.get("overfit_gap"));
        }
    }

    private static String text(Object value, String format) {
        return value == null ? "-" : String.format(format, value);
    }
}
