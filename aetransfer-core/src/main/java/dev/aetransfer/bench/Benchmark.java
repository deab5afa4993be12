package dev.aetransfer.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.Presets;
import dev.aetransfer.train.AdamOptimizer;
import dev.aetransfer.train.BatchSource;
import dev.aetransfer.train.LearningRates;
import dev.aetransfer.train.LocalUpdater;
import dev.aetransfer.train.TrainingConfig;
import dev.aetransfer.train.TrainingLoop;
import dev.aetransfer.train.TrainingProgress;
import dev.aetransfer.transfer.FineTuner;
import dev.aetransfer.transfer.FreezePlan;
import dev.aetransfer.transfer.Strategy;
import dev.aetransfer.transfer.StrategyKind;
import dev.aetransfer.transfer.TransferOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Measures the {@link Workload}s on the {@code conv-vae} preset over synthetic images (uniform
 * random uint8 values), each for a fixed time after a warm-up of {@value #WARMUP_STEPS} steps.
 *
 * <p>Training workloads run {@link TrainingLoop} on the batches {@link FineTuner} gives a strategy
 * ({@code scratch} for {@code train-full}, {@code freeze-encoder} without and with the
 * frozen-prefix cache), with the Adam optimiser and defaults of {@link TrainingConfig}; the cache
 * is built before the warm-up and is not timed. {@code encode} runs {@link Autoencoder#encode}.
 * Each workload gets a fresh model; one benchmark at a time per process, since the engine allows
 * one gradient collection at a time.
 */
public final class Benchmark {

    /** Steps run before the clock starts. */
    public static final int WARMUP_STEPS = 3;

    /** Batches of synthetic images each workload cycles through. */
    private static final int POOL_BATCHES = 4;

    private static final String PRESET = "conv-vae";

    private Benchmark() {}

    /**
     * Measures every workload on every shape, shape by shape, and hands each figure to {@code
     * onResult} as soon as it is known.
     *
     * @return the figures in the order measured
     */
    public static List<BenchmarkResult> run(
            BenchmarkOptions options, Consumer<BenchmarkResult> onResult) {
        String engine = DjlEngine.describe();
        int threads = DjlEngine.threads();
        List<BenchmarkResult> results = new ArrayList<>();
        for (SampleShape shape : options.shapes()) {
            for (Workload workload : options.workloads()) {
                int images = POOL_BATCHES * workload.batchSize();
                SampleSet samples = syntheticImages(shape, images, options.seed());
                try (Autoencoder model =
                        Autoencoder.create(
                                Presets.named(PRESET, shape, options.latentSize()),
                                options.seed())) {
                    double rate =
                            workload == Workload.ENCODE
                                    ? encode(model, samples, options.seconds())
                                    : train(model, samples, workload, options);
                    BenchmarkResult result =
                            new BenchmarkResult(
                                    workload, shape, model.parameterCount(), rate, threads, engine);
                    results.add(result);
                    onResult.accept(result);
                }
            }
        }
        return results;
    }

    /** {@code count} images of {@code shape} with uniform random values in [0, 255]. */
    static SampleSet syntheticImages(SampleShape shape, int count, long seed) {
        byte[] values = new byte[count * shape.volume()];
        new Random(seed).nextBytes(values);
        return InMemorySampleSet.ofBytes(shape, values, "synthetic:" + shape);
    }

    private static double train(
            Autoencoder model, SampleSet samples, Workload workload, BenchmarkOptions options) {
        TrainingConfig config =
                TrainingConfig.builder()
                        .optBatchSize(workload.batchSize())
                        .optSeed(options.seed())
                        .build();
        StrategyKind kind =
                workload == Workload.TRAIN_FULL
                        ? StrategyKind.SCRATCH
                        : StrategyKind.FREEZE_ENCODER;
        TransferOptions transfer =
                TransferOptions.defaults()
                        .withCache(workload == Workload.TRAIN_FREEZE_ENCODER_CACHED);
        FineTuner tuner = new FineTuner(Strategy.of(kind), config, transfer);
        FreezePlan plan = tuner.plan(model, 0);
        plan.apply(model.block());

        LearningRates rates =
                new LearningRates(
                        config.learningRate(),
                        config.schedule(),
                        Long.MAX_VALUE,
                        plan.parameterMultipliers(model.block()));
        StepTimer timer = new StepTimer(workload.batchSize(), options.seconds());
        int[] all = IntStream.range(0, samples.size()).toArray();
        try (AdamOptimizer optimizer = AdamOptimizer.of(config, rates, model.manager());
                BatchSource pool = tuner.trainingBatches(model, samples, all)) {
            TrainingLoop loop =
                    new TrainingLoop(
                            model,
                            config.objective(),
                            new LocalUpdater(optimizer, config.clipNorm()));
            loop.runEpoch(new TimedBatches(pool, timer), 0, timer);
        }
        return timer.imagesPerSecond();
    }

    private static double encode(Autoencoder model, SampleSet samples, double seconds) {
        int batch = Workload.ENCODE.batchSize();
        model.encode(samples, batch);
        long images = 0;
        long start = System.nanoTime();
        double elapsed;
        do {
            images += model.encode(samples, batch).length;
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        return images / elapsed;
    }

    /** Clocks training steps after the warm-up until the measured time is reached. */
    private static final class StepTimer implements TrainingProgress {
        private final int batchSize;
        private final double seconds;
        private int steps;
        private long start;
        private double elapsed;

        StepTimer(int batchSize, double seconds) {
            this.batchSize = batchSize;
            this.seconds = seconds;
        }

        @Override
        public void onBatch(int epoch, int batch, double loss) {
            steps++;
            long now = System.nanoTime();
            if (steps == WARMUP_STEPS) {
                start = now;
            } else if (steps > WARMUP_STEPS) {
                elapsed = (now - start) / 1e9;
            }
        }

        boolean done() {
            return elapsed >= seconds;
        }

        double imagesPerSecond() {
            return (double) (steps - WARMUP_STEPS) * batchSize / elapsed;
        }
    }

    /** The pool's epochs one after another as one epoch, which ends when the timer is done. */
    private static final class TimedBatches implements BatchSource {
        private final BatchSource pool;
        private final StepTimer timer;

        TimedBatches(BatchSource pool, StepTimer timer) {
            this.pool = pool;
            this.timer = timer;
        }

        @Override
        public int size() {
            return pool.size();
        }

        @Override
        public int batchesPerEpoch() {
            return pool.batchesPerEpoch();
        }

        @Override
        public int startStage() {
            return pool.startStage();
        }

        @Override
        public Iterator<Batch> epoch(NDManager manager, int epoch) {
            return new Iterator<>() {
                private int poolEpoch;
                private Iterator<Batch> current = pool.epoch(manager, poolEpoch);

                @Override
                public boolean hasNext() {
                    if (timer.done()) {
                        return false;
                    }
                    if (!current.hasNext()) {
                        poolEpoch++;
                        current = pool.epoch(manager, poolEpoch);
                    }
                    return current.hasNext();
                }

                @Override
                public Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }
    }
}
