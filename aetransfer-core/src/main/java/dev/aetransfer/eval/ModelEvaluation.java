package dev.aetransfer.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.data.BatchAssembler;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.AutoencoderBlock;
import dev.aetransfer.model.OutputKind;
import dev.aetransfer.train.Objective;
import dev.aetransfer.train.ReconstructionLoss;
import java.util.OptionalDouble;

/**
 * How well a model reconstructs a sample set, and its latent means: every sample is encoded to its
 * latent mean and decoded from it, in inference mode.
 *
 * @param samples how many samples the figures cover
 * @param mse per-value mean squared error of the reconstructions, in data units
 * @param psnr PSNR in dB for data range 1; empty for vectors, whose range is not [0, 1]
 * @param ssim mean SSIM; empty for vectors and images smaller than the SSIM window
 * @param elbo evidence lower bound per sample in nats, {@code −(BCE + KL)}: for VAEs with a sigmoid
 *     output only
 * @param kl KL divergence of {@code q(z|x)} from the prior per sample in nats, for VAEs only
 * @param activeUnits latent units whose mean varies over the data by more than 0.01
 * @param latentMeans the {@code samples × latent} latent means, in sample order
 */
public record ModelEvaluation(
        int samples,
        double mse,
        OptionalDouble psnr,
        OptionalDouble ssim,
        OptionalDouble elbo,
        OptionalDouble kl,
        int activeUnits,
        float[][] latentMeans) {

    private static final int BATCH = 256;

    /** Evaluates {@code model} on every sample of {@code samples}. */
    public static ModelEvaluation of(Autoencoder model, SampleSet samples) {
        SampleShape shape = samples.shape();
        if (!shape.equals(model.spec().inputShape())) {
            throw new IllegalArgumentException(
                    String.format(
                            "data %s has samples of shape %s but the model takes %s",
                            samples.origin(), shape, model.spec().inputShape()));
        }
        int n = samples.size();
        if (n == 0) {
            throw new IllegalArgumentException(
                    String.format("data %s has no samples to evaluate", samples.origin()));
        }
        AutoencoderBlock block = model.block();
        boolean images = model.spec().output() == OutputKind.SIGMOID;
        boolean variational = model.spec().variational();
        ReconstructionAccumulator accumulator =
                images ? new ReconstructionAccumulator(shape) : null;
        Objective bce = new Objective(ReconstructionLoss.BCE, 1f, 0, 0f);
        ParameterStore store = new ParameterStore(model.manager(), false);
        BatchAssembler assembler = new BatchAssembler(samples, Math.min(BATCH, n));
        float[][] means = new float[n][];
        double squaredError = 0;
        double bceSum = 0;
        double klSum = 0;

        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = start + i;
            }
            try (NDManager step = model.manager().newSubManager()) {
                NDArray x = assembler.assemble(step, indices);
                NDArray scaled = block.scale(x);
                NDList latent =
                        DjlEngine.withoutGradients(() -> block.encode(store, scaled, false));
                NDArray output =
                        DjlEngine.withoutGradients(() -> block.decode(store, latent.get(0), false));
                float[][] originals = rows(x.toFloatArray(), count);
                float[][] reconstructions =
                        rows(block.reconstruction(output).toFloatArray(), count);
                float[][] batchMeans = rows(latent.get(0).toFloatArray(), count);
                System.arraycopy(batchMeans, 0, means, start, count);
                squaredError += squaredError(originals, reconstructions);
                if (accumulator != null) {
                    accumulator.add(originals, reconstructions);
                }
                if (variational) {
                    Objective.Terms terms = bce.compute(output, scaled, latent, 1f);
                    klSum += (double) terms.kl().getFloat() * count;
                    if (images) {
                        bceSum += (double) terms.reconstruction().getFloat() * count;
                    }
                }
            }
        }

        double mse = squaredError / ((double) n * shape.volume());
        OptionalDouble psnr = images ? OptionalDouble.of(ReconstructionMetrics.psnr(mse)) : none();
        OptionalDouble ssim = images ? accumulator.result().ssim() : none();
        OptionalDouble kl = variational ? OptionalDouble.of(klSum / n) : none();
        OptionalDouble elbo =
                variational && images ? OptionalDouble.of(-(bceSum + klSum) / n) : none();
        return new ModelEvaluation(n, mse, psnr, ssim, elbo, kl, ActiveUnits.count(means), means);
    }

    private static OptionalDouble none() {
        return OptionalDouble.empty();
    }

    private static float[][] rows(float[] flat, int count) {
        int width = flat.length / count;
        float[][] rows = new float[count][width];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    private static double squaredError(float[][] originals, float[][] reconstructions) {
        double sum = 0;
        for (int i = 0; i < originals.length; i++) {
            for (int j = 0; j < originals[i].length; j++) {
                double d = (double) originals[i][j] - reconstructions[i][j];
                sum += d * d;
            }
        }
        return sum;
    }
}
