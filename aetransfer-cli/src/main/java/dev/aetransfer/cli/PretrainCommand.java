package dev.aetransfer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aetransfer.Json;
import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.Presets;
import dev.aetransfer.train.EpochMetrics;
import dev.aetransfer.train.Pretraining;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingRequest;
import dev.aetransfer.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer pretrain}: trains a new autoencoder or VAE on the source data and saves it.
 * Validates on the data's held-out split (or a share of the training data when there is none),
 * writes a checkpoint after every epoch and the per-epoch metrics beside the output.
 */
@Command(
        name = "pretrain",
        mixinStandardHelpOptions = true,
        description = "Pretrain an autoencoder or VAE on a (large) source dataset.")
final class PretrainCommand implements Callable<Integer> {

    @Mixin private DataOptions data;
    @Mixin private TrainingOptions training;
    @Mixin private RunOptions run;

    @Option(
            names = "--model",
            paramLabel = "PRESET|SPEC.json",
            defaultValue = "conv-vae",
            description = "dense-ae, dense-vae, conv-ae, conv-vae (default), or a spec .json file.")
    private String model;

    @Option(
            names = "--latent",
            paramLabel = "N",
            defaultValue = "32",
            description = "Latent size of a preset (default ${DEFAULT-VALUE}).")
    private int latent;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainTestSplit split = DataLoader.load(data.toRequest());
        SampleSet train = split.train();
        AutoencoderSpec architecture = architecture(train);
        TrainingConfig defaults = TrainingConfig.builder().optEpochs(10).build();
        TrainingConfig config = training.toConfig(data.seed(), train.storage(), defaults);
        TrainingRequest request =
                run.request(
                                train,
                                config,
                                ProgressReporter.onTerminal("pretrain", config.batchSize()))
                        .optSpec(architecture)
                        .optValidation(split.test())
                        .build();

        TrainingResult result = Pretraining.run(request);

        PrintWriter out = spec.commandLine().getOut();
        EpochMetrics last = result.last();
        out.printf(
                "saved %s: %s, input %s, latent %d, %d epochs in %.1f s%n",
                run.output(),
                model,
                train.shape(),
                architecture.latentSize(),
                result.history().size(),
                result.seconds());
        out.printf("loss=%.5g", last.loss());
        if (!Double.isNaN(last.validationMse())) {
            out.printf(" val_loss=%.5g val_mse=%.5g", last.validationLoss(), last.validationMse());
        }
        out.printf(" images_per_second=%.0f%n", last.samplesPerSecond());
        out.flush();
        return 0;
    }

    private AutoencoderSpec architecture(SampleSet train) throws IOException {
        if (!model.endsWith(".json")) {
            return Presets.named(model, train.shape(), latent);
        }
        Path file = Path.of(model);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    String.format("--model %s: no such spec file", model));
        }
        AutoencoderSpec custom;
        try {
            custom = Json.mapper().readValue(file.toFile(), AutoencoderSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    String.format(
                            "--model %s is not a valid spec: %s", model, e.getOriginalMessage()),
                    e);
        }
        return custom.inputShape().equals(train.shape())
                ? custom
                : custom.withInputShape(train.shape());
    }
}
