package dev.aetransfer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.aetransfer.model.Scalars;

/**
 * The training objective: a reconstruction term plus, for a VAE, a KL term weighted by β.
 *
 * <p>Per sample, the reconstruction term is summed over values: binary cross-entropy on logits
 * ({@code max(l, 0) − l·x + log(1 + e^−|l|)}) or squared error. The KL term is {@code KL(q(z|x) ‖
 * N(0, I)) = −½ Σ_j (1 + logvar_j − mean_j² − e^{logvar_j})}. With free bits λ, each latent
 * dimension's KL, averaged over the batch, counts as at least λ nats (Kingma et al. 2016). The loss
 * is the batch mean of {@code reconstruction + β·w·KL}, where the warm-up weight {@code w} grows
 * linearly from {@code 1/E} in the first epoch to 1 after {@code E} warm-up epochs.
 *
 * @param reconstruction the reconstruction term
 * @param beta weight of the KL term, at least 0
 * @param klWarmupEpochs epochs over which the KL weight grows to β; 0 for none
 * @param freeBits minimum KL per latent dimension in nats; 0 for none
 */
public record Objective(
        ReconstructionLoss reconstruction, float beta, int klWarmupEpochs, float freeBits) {

    public Objective {
        if (reconstruction == null) {
            throw new IllegalArgumentException("reconstruction loss is missing");
        }
        if (!(beta >= 0) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException(
                    String.format("beta must be finite and at least 0, got %s", beta));
        }
        if (klWarmupEpochs < 0) {
            throw new IllegalArgumentException(
                    String.format("KL warm-up must be 0 or more epochs, got %d", klWarmupEpochs));
        }
        if (!(freeBits >= 0) || Float.isInfinite(freeBits)) {
            throw new IllegalArgumentException(
                    String.format("free bits must be finite and at least 0, got %s", freeBits));
        }
    }

    /** Binary cross-entropy, β = 1, no warm-up, no free bits. */
    public static Objective defaults() {
        return new Objective(ReconstructionLoss.BCE, 1f, 0, 0f);
    }

    /** The KL weight {@code β·w} in epoch {@code epoch} (counted from 0). */
    public float klWeight(int epoch) {
        if (klWarmupEpochs == 0) {
            return beta;
        }
        return beta * Math.min(1f, (epoch + 1f) / klWarmupEpochs);
    }

    /**
     * The loss of one batch.
     *
     * @param output the model's {@code N×…} output: logits for BCE, values for MSE
     * @param target {@code N×…} targets in the model's space
     * @param latent {@code (mean, logvar)} for a VAE; null or a single code for a plain autoencoder
     * @param klWeight the weight of the KL term, from {@link #klWeight}
     */
    public Terms compute(NDArray output, NDArray target, NDList latent, float klWeight) {
        NDArray perValue =
                switch (reconstruction) {
                    case BCE ->
                            Activation.relu(output)
                                    .sub(output.mul(target))
                                    .add(Activation.softPlus(output.abs().neg()));
                    case MSE -> output.sub(target).square();
                };
        long n = output.getShape().get(0);
        NDArray recon = perValue.reshape(n, -1).sum(new int[] {1}).mean();
        if (latent == null || latent.size() < 2) {
            return new Terms(recon, recon, null);
        }
        NDArray mean = latent.get(0);
        NDArray logVar = latent.get(1);
        // Twice the KL per dimension; halved once at the end.
        NDArray twiceKl = mean.square().add(logVar.exp()).sub(logVar).sub(1);
        NDArray kl =
                freeBits > 0
                        ? twiceKl.mean(new int[] {0})
                                .mul(Scalars.of(twiceKl, 0.5f))
                                .maximum(Scalars.of(twiceKl, freeBits))
                                .sum()
                        : twiceKl.sum(new int[] {1}).mean().mul(Scalars.of(twiceKl, 0.5f));
        NDArray total = klWeight == 0 ? recon : recon.add(kl.mul(Scalars.of(kl, klWeight)));
        return new Terms(total, recon, kl);
    }

    /**
     * The terms of one batch's loss, each a scalar owned by the batch's manager.
     *
     * @param total what training minimises
     * @param reconstruction the reconstruction term, per sample
     * @param kl the KL term per sample (with free bits applied), or null for a plain autoencoder
     */
    public record Terms(NDArray total, NDArray reconstruction, NDArray kl) {}
}
