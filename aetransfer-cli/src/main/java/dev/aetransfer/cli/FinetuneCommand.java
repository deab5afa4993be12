package dev.aetransfer.cli;

import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.train.EpochMetrics;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingRequest;
import dev.aetransfer.train.TrainingResult;
import dev.aetransfer.transfer.FineTuning;
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
 * {@code aetransfer finetune}: adapts a pretrained model to target data with one strategy and saves
 * the result, whose provenance names its parent, the strategy and the frozen stages.
 */
@Command(
        name = "finetune",
        mixinStandardHelpOptions = true,
        description = "Fine-tune a pretrained model on a (small) target dataset with one strategy.")
final class FinetuneCommand implements Callable<Integer> {

    @Option(
            names = "--pretrained",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The pretrained model file.")
    private Path pretrained;

    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "NAME",
            description =
                    "scratch, pretrained, freeze-encoder, last-layer, full, "
                            + "discriminative, gradual, adapters, or freeze:GLOB[,GLOB].")
    private String strategy;

    @Mixin private DataOptions data;
    @Mixin private TrainingOptions training;
    @Mixin private TransferOptionsMixin transfer;
    @Mixin private AdaptInputOption adaptInput;
    @Mixin private RunOptions run;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        Strategy parsed = Strategy.parse(strategy);
        TrainTestSplit split = DataLoader.load(data.toRequest());
        SampleShape input = ModelFile.readSpec(pretrained).inputShape();
        SampleSet train = adaptInput.adapt(split.train(), input);
        SampleSet test = split.test().size() == 0 ? null : adaptInput.adapt(split.test(), input);
        TrainingConfig defaults = TrainingConfig.builder().optEpochs(20).build();
        TrainingConfig config = training.toConfig(data.seed(), train.storage(), defaults);
        TrainingRequest request =
                run.request(
                                train,
                                config,
                                ProgressReporter.onTerminal(parsed.name(), config.batchSize()))
                        .optValidation(test)
                        .build();

        TrainingResult result = FineTuning.run(request, pretrained, parsed, transfer.toOptions());

        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "saved %s: %s fine-tuned with %s", run.output(), pretrained.getFileName(), parsed);
        if (result.history().isEmpty()) {
            out.printf(" (nothing trains)%n");
        } else {
            EpochMetrics last = result.last();
            out.printf(", %d epochs in %.1f s%n", result.history().size(), result.seconds());
            out.printf("loss=%.5g", last.loss());
            if (!Double.isNaN(last.validationMse())) {
                out.printf(
                        " val_loss=%.5g val_mse=%.5g", last.validationLoss(), last.validationMse());
            }
            out.printf(" images_per_second=%.0f%n", last.samplesPerSecond());
        }
        out.flush();
        return 0;
    }
}
