package dev.aetransfer.train;

import ai.djl.TrainingDivergedException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.ResidentMemory;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.OutputKind;
import dev.aetransfer.model.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole training run: epochs of the {@link TrainingLoop}, validation, early stopping, a
 * checkpoint after every epoch, resumption from the newest one, and per-epoch metrics.
 *
 * <p>Every epoch reseeds shuffling and the engine's generator from the run's seed and the epoch,
 * and a checkpoint holds the parameters, the optimiser's moments and the early-stopping state, so a
 * resumed run ends where an uninterrupted run with the same seed ends. With early stopping ({@code
 * patience > 0}) the model ends with the parameters of its best epoch.
 */
public final class TrainingSession {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    private static final String EARLIER_RUN =
            "%s holds an earlier run's checkpoints; pass --resume, or remove it to start afresh";
    private static final String OTHER_ARCHITECTURE =
            "checkpoint %s is of another architecture; remove its folder to start afresh";
    private static final String OTHER_OPTIONS =
            "checkpoint %s was written with other options (%s); resume with the same options";

    private final Builder options;

    private TrainingSession(Builder builder) {
        this.options = builder;
    }

    /** A builder; model, config and training batches are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Called before each epoch (from 0), e.g. to unfreeze another stage. */
    @FunctionalInterface
    public interface EpochHook {
        void beforeEpoch(int epoch);
    }

    /**
     * Runs the session; the model ends trained.
     *
     * @throws TrainingDivergedException when the loss becomes NaN or infinite; the message names
     *     the epoch, the step and the last good checkpoint
     * @throws IllegalArgumentException when checkpoints of another run are in the way, or a
     *     checkpoint to resume was written with other options
     */
    public TrainingResult run() {
        Autoencoder model = options.model;
        TrainingConfig config = options.config;
        Checkpoints checkpoints = options.checkpoints;
        Optional<Checkpoints.Loaded> resumed = resumePoint(checkpoints);

        int batchesPerEpoch = options.train.batchesPerEpoch();
        long totalSteps = (long) config.epochs() * batchesPerEpoch;
        LearningRates rates =
                new LearningRates(
                        config.learningRate(),
                        config.schedule(),
                        totalSteps,
                        options.learningRateMultipliers);
        try (AdamOptimizer optimizer = AdamOptimizer.of(config, rates, model.manager())) {
            TrainingLoop loop =
                    new TrainingLoop(
                            model,
                            config.objective(),
                            new LocalUpdater(optimizer, config.clipNorm()));
            RunState state = new RunState();
            resumed.ifPresent(checkpoint -> state.restore(checkpoint, loop, optimizer, model));
            return epochs(state, loop, optimizer, rates);
        }
    }

    private Optional<Checkpoints.Loaded> resumePoint(Checkpoints checkpoints) {
        if (checkpoints == null) {
            return Optional.empty();
        }
        if (!options.resume) {
            if (!checkpoints.list().isEmpty()) {
                throw new IllegalArgumentException(
                        String.format(EARLIER_RUN, checkpoints.directory()));
            }
            return Optional.empty();
        }
        Optional<Checkpoints.Loaded> newest = checkpoints.loadNewest();
        if (newest.isEmpty()) {
            LOG.info("resume=none checkpoints={} starting_epoch=1", checkpoints.directory());
            return newest;
        }
        Checkpoints.Loaded loaded = newest.get();
        try (Autoencoder checkpointModel = loaded.model()) {
            checkCompatible(loaded, checkpointModel);
            ModelFile.replaceParameters(
                    options.model, ModelFile.parameterBytes(checkpointModel), loaded.file());
        }
        return newest;
    }

    private void checkCompatible(Checkpoints.Loaded loaded, Autoencoder checkpointModel) {
        if (!checkpointModel.spec().equals(options.model.spec())) {
            throw new IllegalArgumentException(String.format(OTHER_ARCHITECTURE, loaded.file()));
        }
        TrainingConfig saved = loaded.progress().state().config();
        TrainingConfig wanted = options.config;
        if (!saved.toBuilder().optEpochs(wanted.epochs()).build().equals(wanted)) {
            throw new IllegalArgumentException(String.format(OTHER_OPTIONS, loaded.file(), saved));
        }
    }

    private TrainingResult epochs(
            RunState state, TrainingLoop loop, AdamOptimizer optimizer, LearningRates rates) {
        Autoencoder model = options.model;
        TrainingConfig config = options.config;
        options.progress.onStart(
                state.epochsDone + 1, config.epochs(), options.train.batchesPerEpoch());
        long runStart = System.nanoTime();
        boolean stoppedEarly = false;
        try {
            for (int epoch = state.epochsDone; epoch < config.epochs(); epoch++) {
                if (options.hook != null) {
                    options.hook.beforeEpoch(epoch);
                }
                DjlEngine.get().setRandomSeed(epochSeed(config.seed(), epoch));
                long start = System.nanoTime();
                TrainingLoop.Totals totals = trainEpoch(loop, epoch, state);
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                TrainingLoop.Totals validation =
                        options.validation == null
                                ? null
                                : loop.validate(options.validation, epoch);
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochMetrics metrics =
                        metrics(
                                epoch,
                                totals,
                                validation,
                                rates.baseRate(loop.step()),
                                seconds,
                                trainingSeconds);
                state.record(metrics, model);
                LOG.info(
                        "{} rss_mib={}",
                        metrics.toLogLine(),
                        ResidentMemory.mib(ResidentMemory.current()));
                options.progress.onEpoch(metrics);
                if (options.metricsCsv != null) {
                    MetricsCsv.write(options.metricsCsv, state.history);
                }
                state.epochsDone = epoch + 1;
                if (options.checkpoints != null) {
                    state.lastCheckpoint = saveCheckpoint(state, loop, optimizer);
                }
                if (config.patience() > 0 && state.epochsWithoutImprovement >= config.patience()) {
                    stoppedEarly = state.epochsDone < config.epochs();
                    LOG.info(
                            "early_stop epoch={} best_epoch={} patience={}",
                            epoch + 1,
                            state.bestEpoch,
                            config.patience());
                    break;
                }
            }
        } finally {
            options.progress.onEnd();
        }
        boolean restored = restoreBest(state);
        double seconds = (System.nanoTime() - runStart) / 1e9;
        return new TrainingResult(state.history, state.bestEpoch, stoppedEarly, restored, seconds);
    }

    private TrainingLoop.Totals trainEpoch(TrainingLoop loop, int epoch, RunState state) {
        try {
            return loop.runEpoch(options.train, epoch, options.progress);
        } catch (TrainingDivergedException e) {
            String checkpoint =
                    state.lastCheckpoint != null
                            ? state.lastCheckpoint.toString()
                            : "none, no epoch completed";
            throw new TrainingDivergedException(
                    String.format(
                            "%s; training stopped, the last good checkpoint is %s",
                            e.getMessage(), checkpoint),
                    e);
        }
    }

    private static int epochSeed(long seed, int epoch) {
        long mixed = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private static EpochMetrics metrics(
            int epoch,
            TrainingLoop.Totals train,
            TrainingLoop.Totals validation,
            double learningRate,
            double seconds,
            double trainingSeconds) {
        double n = train.samples();
        double valLoss = validation == null ? Double.NaN : validation.loss() / validation.samples();
        double valMse = validation == null ? Double.NaN : validation.mse() / validation.samples();
        return new EpochMetrics(
                epoch + 1,
                train.loss() / n,
                train.reconstruction() / n,
                train.kl() / n,
                valLoss,
                valMse,
                learningRate,
                seconds,
                n / trainingSeconds);
    }

    private Path saveCheckpoint(RunState state, TrainingLoop loop, AdamOptimizer optimizer) {
        Autoencoder model = options.model;
        CheckpointState checkpointState =
                new CheckpointState(
                        state.epochsDone,
                        loop.step(),
                        state.bestLoss,
                        state.bestEpoch,
                        state.epochsWithoutImprovement,
                        state.history,
                        options.config);
        byte[] optimizerState;
        try (NDManager scratch = model.manager().newSubManager()) {
            optimizerState = optimizer.state(scratch).encode();
        }
        byte[] best = state.bestEpoch == state.epochsDone ? null : state.bestParameters;
        return options.checkpoints.save(
                model,
                options.provenance,
                new Checkpoints.Progress(checkpointState, optimizerState, best));
    }

    private boolean restoreBest(RunState state) {
        boolean wanted = options.config.patience() > 0 && state.bestParameters != null;
        if (!wanted || state.bestEpoch == state.epochsDone) {
            return false;
        }
        ModelFile.replaceParameters(options.model, state.bestParameters, Path.of("best epoch"));
        LOG.info("restored_best_epoch={}", state.bestEpoch);
        return true;
    }

    /** Where the run stands; what a checkpoint saves. */
    private final class RunState {
        int epochsDone;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch;
        int epochsWithoutImprovement;
        byte[] bestParameters;
        Path lastCheckpoint;
        final List<EpochMetrics> history = new ArrayList<>();

        void record(EpochMetrics metrics, Autoencoder model) {
            history.add(metrics);
            double monitored =
                    Double.isNaN(metrics.validationLoss())
                            ? metrics.loss()
                            : metrics.validationLoss();
            if (monitored < bestLoss) {
                bestLoss = monitored;
                bestEpoch = metrics.epoch();
                epochsWithoutImprovement = 0;
                if (options.config.patience() > 0) {
                    bestParameters = ModelFile.parameterBytes(model);
                }
            } else {
                epochsWithoutImprovement++;
            }
        }

        void restore(
                Checkpoints.Loaded checkpoint,
                TrainingLoop loop,
                AdamOptimizer optimizer,
                Autoencoder model) {
            CheckpointState saved = checkpoint.progress().state();
            epochsDone = saved.epochsDone();
            bestLoss = saved.bestLoss();
            bestEpoch = saved.bestEpoch();
            epochsWithoutImprovement = saved.epochsWithoutImprovement();
            history.addAll(saved.history());
            lastCheckpoint = checkpoint.file();
            loop.setStep(saved.step());
            byte[] best = checkpoint.progress().bestParameters();
            if (options.config.patience() > 0) {
                bestParameters = best != null ? best : ModelFile.parameterBytes(model);
            }
            try (NDManager scratch = model.manager().newSubManager()) {
                optimizer.loadState(NDList.decode(scratch, checkpoint.progress().optimizerState()));
            }
            LOG.info(
                    "resume checkpoint={} epochs_done={} step={}",
                    checkpoint.file(),
                    epochsDone,
                    saved.step());
        }
    }

    /** Builds a {@link TrainingSession}. */
    public static final class Builder {
        private Autoencoder model;
        private TrainingConfig config;
        private BatchSource train;
        private BatchSource validation;
        private Map<String, Float> learningRateMultipliers = Map.of();
        private EpochHook hook;
        private Checkpoints checkpoints;
        private Provenance provenance;
        private boolean resume;
        private TrainingProgress progress = TrainingProgress.NONE;
        private Path metricsCsv;

        private Builder() {}

        public Builder setModel(Autoencoder model) {
            this.model = model;
            return this;
        }

        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        public Builder setTrainBatches(BatchSource train) {
            this.train = train;
            return this;
        }

        /** Batches to validate on after each epoch; none by default. */
        public Builder optValidationBatches(BatchSource validation) {
            this.validation = validation;
            return this;
        }

        /** Learning-rate multipliers by parameter name; 1 for parameters not named. */
        public Builder optLearningRateMultipliers(Map<String, Float> multipliers) {
            this.learningRateMultipliers = multipliers;
            return this;
        }

        public Builder optEpochHook(EpochHook hook) {
            this.hook = hook;
            return this;
        }

        /**
         * Writes a checkpoint after every epoch; {@code provenance} goes into each one.
         *
         * @param resume continue from the newest checkpoint in the folder, if any
         */
        public Builder optCheckpoints(
                Checkpoints checkpoints, Provenance provenance, boolean resume) {
            this.checkpoints = checkpoints;
            this.provenance = provenance;
            this.resume = resume;
            return this;
        }

        public Builder optProgress(TrainingProgress progress) {
            this.progress = progress;
            return this;
        }

        /** Rewrites this CSV file with every epoch's metrics after each epoch. */
        public Builder optMetricsCsv(Path metricsCsv) {
            this.metricsCsv = metricsCsv;
            return this;
        }

        /** Checks that the parts fit together and builds the session. */
        public TrainingSession build() {
            if (model == null || config == null || train == null) {
                throw new IllegalStateException(
                        "a training session needs a model, a config and batches");
            }
            if (config.objective().reconstruction() == ReconstructionLoss.BCE
                    && model.spec().output() != OutputKind.SIGMOID) {
                throw new IllegalArgumentException(
                        "--loss bce needs values in [0, 1] and a sigmoid output; use --loss mse");
            }
            return new TrainingSession(this);
        }
    }
}
