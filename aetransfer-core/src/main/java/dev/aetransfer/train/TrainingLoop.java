package dev.aetransfer.train;

import ai.djl.TrainingDivergedException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.util.Pair;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's training steps and validation passes. It knows nothing of where batches come from
 * ({@link BatchSource}) or how gradients become parameter updates ({@link ParameterUpdater}); the
 * parameters that train are those that require gradients when an epoch starts. Not thread-safe, and
 * DJL's PyTorch engine allows one gradient collection per process at a time.
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final Autoencoder model;
    private final Objective objective;
    private final ParameterUpdater updater;
    private final ParameterStore store;
    private int step;

    public TrainingLoop(Autoencoder model, Objective objective, ParameterUpdater updater) {
        this.model = model;
        this.objective = objective;
        this.updater = updater;
        this.store = new ParameterStore(model.manager(), false);
    }

    /** Training steps taken so far, across epochs. */
    public int step() {
        return step;
    }

    /** Sets the step count, when resuming from a checkpoint. */
    public void setStep(int step) {
        this.step = step;
    }

    /**
     * Sums over the samples of an epoch or a validation pass; divide by {@code samples} for means.
     * {@code mse} sums each sample's per-value squared error (NaN for training epochs).
     */
    public record Totals(double loss, double reconstruction, double kl, double mse, int samples) {}

    /**
     * Trains one epoch (counted from 0) on every batch of {@code source}.
     *
     * @throws TrainingDivergedException when a loss is NaN or infinite; the parameters are then
     *     those of the previous step
     */
    public Totals runEpoch(BatchSource source, int epoch, TrainingProgress progress) {
        List<Pair<String, Parameter>> trainable = trainableParameters();
        AutoencoderBlock block = model.block();
        float klWeight = objective.klWeight(epoch);
        double loss = 0;
        double reconstruction = 0;
        double kl = 0;
        int samples = 0;
        int batchIndex = 0;
        Iterator<Batch> batches = source.epoch(model.manager(), epoch);
        while (batches.hasNext()) {
            try (Batch batch = batches.next()) {
                batchIndex++;
                Objective.Terms terms;
                try (GradientCollector collector = DjlEngine.get().newGradientCollector()) {
                    NDList output =
                            block.forwardFrom(store, source.startStage(), batch.getData(), true);
                    terms =
                            objective.compute(
                                    output.get(0),
                                    batch.getLabels().head(),
                                    latentOf(output),
                                    klWeight);
                    collector.backward(terms.total());
                }
                float value = terms.total().getFloat();
                if (!Float.isFinite(value)) {
                    throw new TrainingDivergedException(
                            String.format(
                                    "the loss became %s at epoch %d, step %d of %d",
                                    value, epoch + 1, batchIndex, batch.getProgressTotal()));
                }
                step++;
                updater.update(trainable, step);

                int n = batch.getSize();
                loss += (double) value * n;
                reconstruction += (double) terms.reconstruction().getFloat() * n;
                kl += terms.kl() == null ? 0 : (double) terms.kl().getFloat() * n;
                samples += n;
                progress.onBatch(epoch + 1, batchIndex, value);
                if (LOG.isDebugEnabled()) {
                    LOG.debug(
                            "epoch={} step={} loss={} kl={}",
                            epoch + 1,
                            batchIndex,
                            value,
                            terms.kl() == null ? 0 : terms.kl().getFloat());
                }
            }
        }
        return new Totals(loss, reconstruction, kl, Double.NaN, samples);
    }

    /**
     * Evaluates every batch of {@code source} in inference mode after epoch {@code epoch} (from 0):
     * the loss with the full KL weight (decoding the latent mean) and the per-value MSE of the
     * reconstructions in data units.
     */
    public Totals validate(BatchSource source, int epoch) {
        AutoencoderBlock block = model.block();
        float klWeight = objective.beta();
        double loss = 0;
        double reconstruction = 0;
        double kl = 0;
        double squaredError = 0;
        int samples = 0;
        long valuesPerSample = model.spec().inputShape().volume();
        Iterator<Batch> batches = source.epoch(model.manager(), epoch);
        while (batches.hasNext()) {
            try (Batch batch = batches.next()) {
                NDList output =
                        DjlEngine.withoutGradients(
                                () ->
                                        block.forwardFrom(
                                                store,
                                                source.startStage(),
                                                batch.getData(),
                                                false));
                NDArray target = batch.getLabels().head();
                Objective.Terms terms =
                        objective.compute(output.get(0), target, latentOf(output), klWeight);
                NDArray error =
                        block.reconstruction(output.get(0)).sub(block.unscale(target)).square();
                int n = batch.getSize();
                loss += (double) terms.total().getFloat() * n;
                reconstruction += (double) terms.reconstruction().getFloat() * n;
                kl += terms.kl() == null ? 0 : (double) terms.kl().getFloat() * n;
                squaredError += error.sum().getFloat();
                samples += n;
            }
        }
        return new Totals(loss, reconstruction, kl, squaredError / valuesPerSample, samples);
    }

    private static NDList latentOf(NDList output) {
        return output.size() > 1 ? output.subNDList(1) : null;
    }

    /** The parameters that require gradients now, with the names the block gives them. */
    public List<Pair<String, Parameter>> trainableParameters() {
        List<Pair<String, Parameter>> trainable = new ArrayList<>();
        for (Pair<String, Parameter> pair : model.block().getParameters()) {
            if (pair.getValue().requiresGradient()) {
                trainable.add(pair);
            }
        }
        return trainable;
    }
}
