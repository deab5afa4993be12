package dev.aetransfer.cli;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingProgress;
import dev.aetransfer.train.TrainingRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a training command writes its model and checkpoints, and whether it resumes. */
final class RunOptions {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The model file to write.")
    private Path out;

    @Option(
            names = "--checkpoints",
            paramLabel = "DIR",
            description = "Checkpoint folder (default: OUT.checkpoints beside the output).")
    private Path checkpoints;

    @Option(names = "--resume", description = "Continue from the newest complete checkpoint.")
    private boolean resume;

    @Option(names = "--overwrite", description = "Replace an existing output file.")
    private boolean overwrite;

    Path output() {
        return out;
    }

    /** A request builder with these options; the caller adds the spec or validation data. */
    TrainingRequest.Builder request(
            SampleSet data, TrainingConfig config, TrainingProgress progress) {
        return TrainingRequest.builder()
                .setData(data)
                .setConfig(config)
                .setOutput(out)
                .optCheckpointDirectory(checkpoints)
                .optResume(resume)
                .optOverwrite(overwrite)
                .optProgress(progress);
    }
}
