package dev.aetransfer.train;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.Splits;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderSpec;
import dev.aetransfer.model.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a training command asks for: the data, the architecture, the configuration, where the model
 * goes, and how to checkpoint and report progress. Checkpoints go to {@code OUT.checkpoints/} and
 * metrics to {@code OUT-stem.metrics.csv} beside the output unless set.
 */
public final class TrainingRequest {

    private final SampleSet data;
    private final AutoencoderSpec spec;
    private final TrainingConfig config;
    private final Path output;
    private final Path checkpointDirectory;
    private final boolean resume;
    private final boolean overwrite;
    private final TrainingProgress progress;
    private final SampleSet validation;

    private TrainingRequest(Builder builder) {
        this.data = builder.data;
        this.spec = builder.spec;
        this.config = builder.config;
        this.output = builder.output;
        this.checkpointDirectory =
                builder.checkpointDirectory != null
                        ? builder.checkpointDirectory
                        : Checkpoints.besideOutput(builder.output);
        this.resume = builder.resume;
        this.overwrite = builder.overwrite;
        this.progress = builder.progress;
        this.validation = builder.validation;
    }

    /** A builder; data, config and output are required, and a spec for pretraining. */
    public static Builder builder() {
        return new Builder();
    }

    public SampleSet data() {
        return data;
    }

    /** The architecture to train from scratch; null when fine-tuning a loaded model. */
    public AutoencoderSpec spec() {
        return spec;
    }

    public TrainingConfig config() {
        return config;
    }

    public Path output() {
        return output;
    }

    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    public boolean resume() {
        return resume;
    }

    public TrainingProgress progress() {
        return progress;
    }

    /**
     * Held-out data to validate on after each epoch, or null to hold out the configured share of
     * the training data instead.
     */
    public SampleSet validation() {
        return validation;
    }

    /**
     * The indices to train on and to validate on: all of the data and all of {@link #validation()}
     * when it is set, else a stratified hold-out of the data.
     *
     * @return {@code {train, validation}}
     */
    public int[][] split() {
        if (validation != null) {
            return new int[][] {all(data.size()), all(validation.size())};
        }
        return Splits.holdOut(data, config.validationFraction(), config.seed());
    }

    /** The set the validation indices of {@link #split()} refer to. */
    public SampleSet validationSet() {
        return validation != null ? validation : data;
    }

    private static int[] all(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /**
     * Refuses to replace an existing output unless overwriting was asked for (a resumed run may
     * replace it).
     */
    public void checkOutput() {
        if (Files.exists(output) && !overwrite && !resume) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s exists; choose another --out or pass --overwrite to replace it",
                            output));
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(
                    String.format(
                            "--out %s is a folder; give a file name such as model.aet", output));
        }
    }

    /**
     * A session builder for {@code model} with this request's config, checkpoints, metrics file and
     * progress; the caller adds the batches.
     */
    public TrainingSession.Builder sessionBuilder(Autoencoder model, Provenance provenance) {
        return TrainingSession.builder()
                .setModel(model)
                .setConfig(config)
                .optCheckpoints(new Checkpoints(checkpointDirectory), provenance, resume)
                .optMetricsCsv(MetricsCsv.besideOutput(output))
                .optProgress(progress);
    }

    /** Builds a {@link TrainingRequest}. */
    public static final class Builder {
        private SampleSet data;
        private AutoencoderSpec spec;
        private TrainingConfig config;
        private Path output;
        private Path checkpointDirectory;
        private boolean resume;
        private boolean overwrite;
        private TrainingProgress progress = TrainingProgress.NONE;
        private SampleSet validation;

        private Builder() {}

        /** Held-out data to validate on; by default a share of the training data is held out. */
        public Builder optValidation(SampleSet validation) {
            this.validation = validation != null && validation.size() > 0 ? validation : null;
            return this;
        }

        public Builder setData(SampleSet data) {
            this.data = data;
            return this;
        }

        public Builder optSpec(AutoencoderSpec spec) {
            this.spec = spec;
            return this;
        }

        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        public Builder setOutput(Path output) {
            this.output = output;
            return this;
        }

        /** Where checkpoints go; {@code OUT.checkpoints} beside the output by default. */
        public Builder optCheckpointDirectory(Path directory) {
            this.checkpointDirectory = directory;
            return this;
        }

        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder optOverwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        public Builder optProgress(TrainingProgress progress) {
            this.progress = progress;
            return this;
        }

        public TrainingRequest build() {
            if (data == null || config == null || output == null) {
                throw new IllegalStateException("a training request needs data, config and output");
            }
            return new TrainingRequest(this);
        }
    }
}
