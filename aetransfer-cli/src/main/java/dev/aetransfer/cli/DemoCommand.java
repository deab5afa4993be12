package dev.aetransfer.cli;

import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.DataRequest;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.experiment.ComparisonObjective;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRunner;
import dev.aetransfer.model.Presets;
import dev.aetransfer.report.ComparisonReport;
import dev.aetransfer.report.TerminalTable;
import dev.aetransfer.train.Pretraining;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingRequest;
import dev.aetransfer.transfer.Strategy;
import dev.aetransfer.transfer.TransferOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer demo}: the whole workflow on the built-in textures. Pretrains {@code conv-vae}
 * on {@code textures:source}, compares every strategy and the baselines on {@code textures:target},
 * prints the table and the recommendation, and writes the report.
 *
 * <p>Running it again reuses the pretrained model when its checkpoints are complete, and resumes an
 * interrupted pretraining; its files in the output folder are its own and are replaced.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Pretrain on the built-in source textures, "
                        + "compare every strategy on the target textures.")
final class DemoCommand implements Callable<Integer> {

    /** How big each part of the demo is. */
    private record Plan(
            String name,
            String source,
            int pretrainEpochs,
            String target,
            int fineTuneEpochs,
            int seeds) {}

    private static final Plan FULL =
            new Plan("source", "textures:source", 5, "textures:target", 10, 3);
    private static final Plan QUICK =
            new Plan("source-quick", "textures:source&n=1500", 1, "textures:target&n=300", 2, 1);

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "demo-out",
            description =
                    "Folder for the model, the report and the results (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--quick",
            description = "A smoke test in under a minute: little data, few epochs, one seed.")
    private boolean quick;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = quick ? QUICK : FULL;
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();

        err.printf(
                "demo: pretraining conv-vae on %s (%d epochs)%n",
                plan.source(), plan.pretrainEpochs());
        err.flush();
        Path model = out.resolve(plan.name() + ".aet");
        TrainTestSplit source =
                DataLoader.load(DataRequest.builder().setSource(plan.source()).build());
        TrainingConfig pretrainConfig =
                TrainingConfig.builder().optEpochs(plan.pretrainEpochs()).build();
        Pretraining.run(
                TrainingRequest.builder()
                        .setData(source.train())
                        .optValidation(source.test())
                        .optSpec(Presets.named("conv-vae", source.train().shape(), 32))
                        .setConfig(pretrainConfig)
                        .setOutput(model)
                        .optResume(true)
                        .optOverwrite(true)
                        .optProgress(
                                ProgressReporter.onTerminal("pretrain", pretrainConfig.batchSize()))
                        .build());

        err.printf(
                "demo: comparing every strategy on %s (%d epochs, %d seed%s)%n",
                plan.target(), plan.fineTuneEpochs(), plan.seeds(), plan.seeds() == 1 ? "" : "s");
        err.flush();
        TrainTestSplit target =
                DataLoader.load(DataRequest.builder().setSource(plan.target()).build());
        TrainingConfig fineTune =
                TrainingConfig.builder()
                        .optEpochs(plan.fineTuneEpochs())
                        .optValidationFraction(0)
                        .build();
        ComparisonResult result =
                ComparisonRunner.builder()
                        .setPretrained(model)
                        .setTarget(target)
                        .setConfig(fineTune)
                        .optStrategies(Strategy.ALL)
                        .optSeeds(plan.seeds())
                        .optObjective(ComparisonObjective.PROBE)
                        .optTransferOptions(TransferOptions.defaults())
                        .optProgress(new ComparisonProgressLines(err, fineTune.batchSize()))
                        .build()
                        .run();
        ComparisonReport.ReportFiles files = ComparisonReport.write(result, out);

        PrintWriter console = spec.commandLine().getOut();
        console.print(TerminalTable.render(result));
        console.printf(
                "%nreport: %s%nmodel: %s%ndemo took %s%n",
                files.html(),
                model,
                ComparisonProgressLines.duration((System.nanoTime() - start) / 1e9));
        console.flush();
        return 0;
    }
}
