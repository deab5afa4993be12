package dev.aetransfer.cli;

import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.experiment.ComparisonObjective;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRunner;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.report.ComparisonReport;
import dev.aetransfer.report.TerminalTable;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.transfer.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer compare}: fine-tunes the pretrained model with every strategy on the same
 * budget and seeds, measures each and the baselines on the held-out split, prints the table and the
 * recommendation, and writes {@code results.json}, {@code results.csv} and {@code report.html}.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Compare every transfer strategy and the baselines on target data; write a report.")
final class CompareCommand implements Callable<Integer> {

    @Option(
            names = "--pretrained",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The pretrained model file.")
    private Path pretrained;

    @Option(
            names = "--strategies",
            paramLabel = "all|NAME[,NAME]",
            defaultValue = "all",
            description = "Strategies to compare (default all).")
    private String strategies;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Seeds per strategy; figures are mean and std over them (default 3).")
    private int seeds;

    @Option(
            names = "--objective",
            paramLabel = "probe|recon",
            defaultValue = "probe",
            description =
                    "Rank by linear-probe accuracy of the latent "
                            + "features (default) or by reconstruction error.")
    private String objective;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for results.json, results.csv and report.html.")
    private Path out;

    @Mixin private DataOptions data;
    @Mixin private TrainingOptions training;
    @Mixin private TransferOptionsMixin transfer;
    @Mixin private AdaptInputOption adaptInput;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        ComparisonObjective goal =
                TrainingOptions.parse(ComparisonObjective.class, "--objective", objective);
        TrainTestSplit loaded = DataLoader.load(data.toRequest());
        SampleShape input = ModelFile.readSpec(pretrained).inputShape();
        TrainTestSplit target =
                new TrainTestSplit(
                        adaptInput.adapt(loaded.train(), input),
                        loaded.test().size() == 0
                                ? loaded.test()
                                : adaptInput.adapt(loaded.test(), input),
                        loaded.notes());
        TrainingConfig defaults =
                TrainingConfig.builder().optEpochs(10).optValidationFraction(0).build();
        TrainingConfig config = training.toConfig(data.seed(), target.train().storage(), defaults);
        PrintWriter err = spec.commandLine().getErr();

        ComparisonResult result =
                ComparisonRunner.builder()
                        .setPretrained(pretrained)
                        .setTarget(target)
                        .setConfig(config)
                        .optStrategies(Strategy.parseList(strategies))
                        .optSeeds(seeds)
                        .optObjective(goal)
                        .optTransferOptions(transfer.toOptions())
                        .optProgress(new ComparisonProgressLines(err, config.batchSize()))
                        .build()
                        .run();
        ComparisonReport.ReportFiles files = ComparisonReport.write(result, out);

        PrintWriter console = spec.commandLine().getOut();
        console.print(TerminalTable.render(result));
        console.printf("%nreport: %s%nresults: %s, %s%n", files.html(), files.json(), files.csv());
        console.flush();
        return 0;
    }
}
