package dev.aetransfer.experiment;

import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleStorage;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.eval.KnnProbe;
import dev.aetransfer.eval.LinearProbe;
import dev.aetransfer.eval.ModelEvaluation;
import dev.aetransfer.eval.PcaBaseline;
import dev.aetransfer.eval.ReconstructionMetrics;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.train.EpochMetrics;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingProgress;
import dev.aetransfer.train.TrainingResult;
import dev.aetransfer.train.TrainingSession;
import dev.aetransfer.transfer.FineTuner;
import dev.aetransfer.transfer.FreezePlan;
import dev.aetransfer.transfer.Strategy;
import dev.aetransfer.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a comparison: every strategy fine-tunes a copy of the pretrained model on the target's
 * training split with the same budget, once per seed, and is measured on the held-out split; PCA
 * and raw pixels are measured beside them. Per-epoch validation runs on the held-out split only to
 * draw loss curves: nothing is selected on it, so early stopping is not offered here.
 */
public final class ComparisonRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ComparisonRunner.class);

    private static final String NO_HELD_OUT =
            "data %s has no held-out split; use --split, --test-data or train/ and test/";
    private static final String NO_EARLY_STOP =
            "compare does not stop early; --patience %d is for pretrain and finetune";

    private final Builder options;

    private ComparisonRunner(Builder builder) {
        this.options = builder;
    }

    /** A builder; the pretrained model file, the target data and the config are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where a comparison stands, for a progress display. Every method does nothing by default. */
    public interface Progress {

        /** No one watches. */
        Progress NONE = new Progress() {};

        /**
         * A fine-tuning run starts.
         *
         * @param run the run, from 1
         * @param runs all runs of the comparison
         * @param secondsLeft estimated seconds until the comparison ends; NaN before the first run
         *     has finished
         */
        default void onRun(String strategy, int seed, int run, int runs, double secondsLeft) {}

        /** The training progress of the current run. */
        default TrainingProgress training(String strategy) {
            return TrainingProgress.NONE;
        }

        /** The baselines are being measured. */
        default void onBaselines() {}
    }

    /** What one strategy gave with one seed; {@code probes} is null for unlabelled data. */
    private record Outcome(
            ModelEvaluation test,
            double trainMse,
            Probes probes,
            long trainable,
            double seconds,
            TrainingResult training,
            float[][] gridReconstructions) {}

    /**
     * Runs every strategy with every seed, then the baselines, and decides the recommendation.
     *
     * @throws IllegalArgumentException when the data does not fit the model or has no held-out
     *     split
     */
    public ComparisonResult run() {
        long start = System.nanoTime();
        SampleSet train = options.target.train();
        SampleSet test = options.target.test();
        checkData(train, test);
        int[] gridIndices = spread(test.size(), Math.min(options.gridImages, test.size()));
        ComparisonResult.Builder result =
                ComparisonResult.builder().setObjective(options.objective);
        Map<String, List<float[]>> gridRows = new LinkedHashMap<>();
        int latentSize;

        try (Autoencoder pretrained = ModelFile.load(options.pretrained)) {
            if (!pretrained.spec().inputShape().equals(train.shape())) {
                throw new IllegalArgumentException(
                        String.format(
                                "data %s has samples of shape %s but the pretrained model takes %s",
                                train.origin(), train.shape(), pretrained.spec().inputShape()));
            }
            latentSize = pretrained.spec().latentSize();
            int runs = options.strategies.size() * options.seeds;
            int run = 0;
            for (Strategy strategy : options.strategies) {
                List<Outcome> outcomes = new ArrayList<>();
                for (int s = 0; s < options.seeds; s++) {
                    run++;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double left = run == 1 ? Double.NaN : elapsed / (run - 1) * (runs - run + 1);
                    options.progress.onRun(strategy.name(), s + 1, run, runs, left);
                    outcomes.add(runOnce(pretrained, strategy, s, gridIndices));
                }
                addStrategy(result, strategy, outcomes, gridRows);
            }
        }

        options.progress.onBaselines();
        addBaselines(result, latentSize, gridIndices, gridRows);
        if (!train.shape().isVector()) {
            result.optGrid(
                    new ReconstructionGrid(train.shape(), images(test, gridIndices), gridRows));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result.setContext(
                new ComparisonContext(
                        options.dataOrigin != null ? options.dataOrigin : train.origin(),
                        options.pretrained.getFileName().toString(),
                        options.seeds,
                        options.config.epochs(),
                        seconds,
                        train.size(),
                        test.size(),
                        train.classNames()));
        LOG.info(
                "phase=compare strategies={} seeds={} seconds={}",
                options.strategies.size(),
                options.seeds,
                String.format("%.1f", seconds));
        return result.build();
    }

    private void checkData(SampleSet train, SampleSet test) {
        if (test.size() == 0) {
            throw new IllegalArgumentException(String.format(NO_HELD_OUT, train.origin()));
        }
        if (train.size() < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "data %s has %d training samples; a comparison needs at least 2",
                            train.origin(), train.size()));
        }
    }

    private Outcome runOnce(Autoencoder pretrained, Strategy strategy, int seedIndex, int[] grid) {
        SampleSet train = options.target.train();
        SampleSet test = options.target.test();
        TrainingConfig config =
                options.config.toBuilder().optSeed(options.config.seed() + seedIndex).build();
        FineTuner tuner = new FineTuner(strategy, config, options.transfer);
        try (Autoencoder model = tuner.prepare(pretrained)) {
            long start = System.nanoTime();
            TrainingResult training =
                    tuner.train(
                            model,
                            new FineTuner.TrainingData(
                                    train, all(train.size()), test, all(test.size())),
                            TrainingSession.builder()
                                    .optProgress(options.progress.training(strategy.name())));
            double seconds = (System.nanoTime() - start) / 1e9;

            ModelEvaluation onTest = ModelEvaluation.of(model, test);
            ModelEvaluation onTrain = ModelEvaluation.of(model, train);
            Probes probes =
                    train.labelled()
                            ? Probes.of(onTrain.latentMeans(), train, onTest.latentMeans(), test)
                            : null;
            float[][] gridReconstructions =
                    seedIndex == 0 && !test.shape().isVector()
                            ? model.reconstruct(test, grid)
                            : null;
            return new Outcome(
                    onTest,
                    onTrain.mse(),
                    probes,
                    trainableParameters(tuner, model),
                    seconds,
                    training,
                    gridReconstructions);
        }
    }

    /** Parameters of the stages that train by the last epoch (all unfrozen so far for gradual). */
    private long trainableParameters(FineTuner tuner, Autoencoder model) {
        if (options.config.epochs() == 0) {
            return 0;
        }
        FreezePlan last = tuner.plan(model, options.config.epochs() - 1);
        long count = 0;
        for (Map.Entry<String, Long> stage : model.stageParameterCounts().entrySet()) {
            if (last.trains(stage.getKey())) {
                count += stage.getValue();
            }
        }
        return count;
    }

    private void addStrategy(
            ComparisonResult.Builder result,
            Strategy strategy,
            List<Outcome> outcomes,
            Map<String, List<float[]>> gridRows) {
        String name = strategy.name();
        ModelEvaluation first = outcomes.get(0).test();
        ComparisonRow.Builder row =
                ComparisonRow.builder(name, RowKind.STRATEGY)
                        .optReconMse(stat(outcomes, o -> o.test().mse()))
                        .optPsnr(optionalStat(outcomes, o -> o.test().psnr()))
                        .optSsim(optionalStat(outcomes, o -> o.test().ssim()))
                        .optElbo(optionalStat(outcomes, o -> o.test().elbo()))
                        .optKl(optionalStat(outcomes, o -> o.test().kl()))
                        .optOverfitGap(stat(outcomes, o -> o.test().mse() - o.trainMse()))
                        .optActiveUnits(stat(outcomes, o -> o.test().activeUnits()))
                        .optTrainableParams(outcomes.get(0).trainable())
                        .optTrainSeconds(stat(outcomes, Outcome::seconds))
                        .optSeeds(outcomes.size());
        if (outcomes.get(0).probes() != null) {
            row.optProbeAccuracy(stat(outcomes, o -> o.probes().linear()));
            row.optKnnAccuracy(stat(outcomes, o -> o.probes().knn()));
        }
        result.addRow(row.build());
        if (!outcomes.get(0).training().history().isEmpty()) {
            result.addCurve(curve(name, outcomes));
        }
        if (outcomes.get(0).gridReconstructions() != null) {
            gridRows.put(name, Arrays.asList(outcomes.get(0).gridReconstructions()));
        }
        SampleSet test = options.target.test();
        result.addProjection(
                LatentProjection.of(name, first.latentMeans(), labels(test), test.classNames()));
    }

    private static LossCurve curve(String name, List<Outcome> outcomes) {
        int epochs = outcomes.get(0).training().history().size();
        double[] train = new double[epochs];
        double[] validation = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            for (Outcome outcome : outcomes) {
                EpochMetrics metrics = outcome.training().history().get(e);
                train[e] += metrics.loss() / outcomes.size();
                validation[e] += metrics.validationLoss() / outcomes.size();
            }
        }
        return new LossCurve(name, train, validation);
    }

    private void addBaselines(
            ComparisonResult.Builder result,
            int latentSize,
            int[] gridIndices,
            Map<String, List<float[]>> gridRows) {
        SampleSet train = options.target.train();
        SampleSet test = options.target.test();
        float[][] trainRows = rows(train);
        float[][] testRows = rows(test);

        long start = System.nanoTime();
        PcaBaseline pca = PcaBaseline.fit(trainRows, latentSize);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        float[][] reconstructed = pca.reconstruct(testRows);
        float[][] trainReconstructed = pca.reconstruct(trainRows);
        float[][] trainCodes = pca.encode(trainRows);
        float[][] testCodes = pca.encode(testRows);
        ComparisonRow.Builder pcaRow =
                ComparisonRow.builder("pca", RowKind.BASELINE)
                        .optTrainableParams(0L)
                        .optTrainSeconds(Stat.of(fitSeconds));
        boolean images = train.storage() == SampleStorage.UINT8;
        double testMse = mse(testRows, reconstructed);
        pcaRow.optReconMse(Stat.of(testMse))
                .optOverfitGap(Stat.of(testMse - mse(trainRows, trainReconstructed)));
        if (images) {
            ReconstructionMetrics metrics =
                    ReconstructionMetrics.of(testRows, reconstructed, test.shape());
            if (Double.isFinite(metrics.psnr())) {
                pcaRow.optPsnr(Stat.of(metrics.psnr()));
            }
            metrics.ssim().ifPresent(ssim -> pcaRow.optSsim(Stat.of(ssim)));
        }
        ComparisonRow.Builder rawRow = ComparisonRow.builder("raw-pixels", RowKind.BASELINE);
        if (train.labelled()) {
            Probes onCodes = Probes.of(trainCodes, train, testCodes, test);
            pcaRow.optProbeAccuracy(Stat.of(onCodes.linear()))
                    .optKnnAccuracy(Stat.of(onCodes.knn()));
            Probes onPixels = Probes.of(trainRows, train, testRows, test);
            rawRow.optProbeAccuracy(Stat.of(onPixels.linear()))
                    .optKnnAccuracy(Stat.of(onPixels.knn()));
        }
        result.addRow(pcaRow.build());
        result.addProjection(
                LatentProjection.of("pca", testCodes, labels(test), test.classNames()));
        if (train.labelled()) {
            result.addRow(rawRow.build());
        }
        if (images) {
            List<float[]> pcaGrid = new ArrayList<>();
            for (int index : gridIndices) {
                pcaGrid.add(reconstructed[index]);
            }
            gridRows.put("pca", pcaGrid);
        }
    }

    private static Stat stat(List<Outcome> outcomes, Function<Outcome, Number> figure) {
        double[] values = new double[outcomes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = figure.apply(outcomes.get(i)).doubleValue();
        }
        return Stat.of(values);
    }

    /** A stat of a figure that may not apply; null when it is absent or not finite. */
    private static Stat optionalStat(
            List<Outcome> outcomes, Function<Outcome, OptionalDouble> figure) {
        double[] values = new double[outcomes.size()];
        for (int i = 0; i < values.length; i++) {
            OptionalDouble value = figure.apply(outcomes.get(i));
            if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
                return null;
            }
            values[i] = value.getAsDouble();
        }
        return Stat.of(values);
    }

    private static double mse(float[][] a, float[][] b) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = (double) a[i][j] - b[i][j];
                sum += d * d;
            }
            count += a[i].length;
        }
        return sum / count;
    }

    /**
     * Linear-probe and kNN accuracy of features, trained on one split's and scored on another's.
     */
    private record Probes(double linear, double knn) {
        static Probes of(
                float[][] trainFeatures, SampleSet train, float[][] testFeatures, SampleSet test) {
            int[] trainLabels = labels(train);
            int[] testLabels = labels(test);
            return new Probes(
                    LinearProbe.defaults()
                            .evaluate(trainFeatures, trainLabels, testFeatures, testLabels)
                            .accuracy(),
                    KnnProbe.defaults()
                            .evaluate(trainFeatures, trainLabels, testFeatures, testLabels)
                            .accuracy());
        }
    }

    private static float[][] rows(SampleSet set) {
        float[][] rows = new float[set.size()][set.shape().volume()];
        for (int i = 0; i < rows.length; i++) {
            set.read(i, rows[i], 0);
        }
        return rows;
    }

    private static List<float[]> images(SampleSet set, int[] indices) {
        List<float[]> images = new ArrayList<>();
        for (int index : indices) {
            float[] values = new float[set.shape().volume()];
            set.read(index, values, 0);
            images.add(values);
        }
        return images;
    }

    private static int[] labels(SampleSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    private static int[] all(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** {@code count} indices spread evenly over {@code [0, size)}. */
    private static int[] spread(int size, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = (int) ((long) i * size / count);
        }
        return indices;
    }

    /** Builds a {@link ComparisonRunner}. */
    public static final class Builder {
        private Path pretrained;
        private TrainTestSplit target;
        private String dataOrigin;
        private TrainingConfig config;
        private List<Strategy> strategies = Strategy.ALL;
        private int seeds = 3;
        private ComparisonObjective objective = ComparisonObjective.PROBE;
        private TransferOptions transfer = TransferOptions.defaults();
        private Progress progress = Progress.NONE;
        private int gridImages = 8;

        private Builder() {}

        public Builder setPretrained(Path pretrained) {
            this.pretrained = pretrained;
            return this;
        }

        /** The target data, already of the pretrained model's input shape. */
        public Builder setTarget(TrainTestSplit target) {
            this.target = target;
            return this;
        }

        /** The fine-tuning budget; seed {@code i} of the comparison uses {@code seed + i}. */
        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        /** How the data was given, for the report; the training split's origin by default. */
        public Builder optDataOrigin(String dataOrigin) {
            this.dataOrigin = dataOrigin;
            return this;
        }

        public Builder optStrategies(List<Strategy> strategies) {
            this.strategies = List.copyOf(strategies);
            return this;
        }

        public Builder optSeeds(int seeds) {
            this.seeds = seeds;
            return this;
        }

        public Builder optObjective(ComparisonObjective objective) {
            this.objective = objective;
            return this;
        }

        public Builder optTransferOptions(TransferOptions transfer) {
            this.transfer = transfer;
            return this;
        }

        public Builder optProgress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /** Held-out images in the reconstruction grid, 1 to 32; 8 by default. */
        public Builder optGridImages(int gridImages) {
            this.gridImages = gridImages;
            return this;
        }

        /** Checks every range and builds the runner. */
        public ComparisonRunner build() {
            if (pretrained == null || target == null || config == null) {
                throw new IllegalStateException(
                        "a comparison needs the pretrained model, the target data and a config");
            }
            if (seeds < 1) {
                throw new IllegalArgumentException(
                        String.format("--seeds must be at least 1, got %d", seeds));
            }
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("--strategies names no strategy");
            }
            if (config.patience() > 0) {
                throw new IllegalArgumentException(String.format(NO_EARLY_STOP, config.patience()));
            }
            if (gridImages < 1 || gridImages > 32) {
                throw new IllegalArgumentException(
                        String.format("grid images must be in [1, 32], got %d", gridImages));
            }
            return new ComparisonRunner(this);
        }
    }
}
