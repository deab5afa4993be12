package dev.aetransfer.experiment;

/**
 * One strategy or baseline of a comparison, measured on the target's held-out split. Every figure
 * is a {@link Stat} over the seeds, or {@code null} where it does not apply (no ELBO for a plain
 * autoencoder, no probe without labels, no reconstruction for raw pixels).
 *
 * @param name the strategy ({@code freeze-encoder}, {@code freeze:decoder.*}) or baseline ({@code
 *     pca}, {@code raw-pixels}); unique within a comparison
 * @param kind strategy or baseline
 * @param reconMse per-value mean squared error of the reconstructions decoded from the latent
 *     means, in [0, 1] data units, at least 0
 * @param psnr peak signal-to-noise ratio in dB, for a peak of 1
 * @param ssim structural similarity, in [-1, 1]
 * @param elbo evidence lower bound per sample (VAEs only)
 * @param kl KL divergence per sample (VAEs only)
 * @param probeAccuracy linear-probe accuracy on the held-out latent means, in [0, 1]
 * @param knnAccuracy kNN accuracy on the held-out latent means, in [0, 1]
 * @param overfitGap held-out minus training MSE; large relative to {@code reconMse} means
 *     overfitting
 * @param activeUnits latent units whose mean varies across samples
 * @param trainableParams parameters the strategy trains: 0 for {@code pretrained} and PCA, {@code
 *     null} for raw pixels; at least 0
 * @param trainSeconds wall time of training (or fitting, for PCA)
 * @param seeds how many seeds the figures are over, at least 1
 */
public record ComparisonRow(
        String name,
        RowKind kind,
        Stat reconMse,
        Stat psnr,
        Stat ssim,
        Stat elbo,
        Stat kl,
        Stat probeAccuracy,
        Stat knnAccuracy,
        Stat overfitGap,
        Stat activeUnits,
        Long trainableParams,
        Stat trainSeconds,
        int seeds) {

    public ComparisonRow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a comparison row needs a name, got none");
        }
        if (kind == null) {
            throw new IllegalArgumentException(
                    String.format("comparison row %s needs a kind, got none", name));
        }
        if (seeds < 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "comparison row %s: seeds must be at least 1, got %d", name, seeds));
        }
        if (trainableParams != null && trainableParams < 0) {
            throw new IllegalArgumentException(
                    String.format(
                            "comparison row %s: trainable parameters must be 0 or more, got %d",
                            name, trainableParams));
        }
        if (reconMse != null && reconMse.mean() < 0) {
            throw new IllegalArgumentException(
                    String.format(
                            "comparison row %s: reconstruction MSE must be 0 or more, got %s",
                            name, reconMse.mean()));
        }
        checkFraction(name, "probe accuracy", probeAccuracy);
        checkFraction(name, "kNN accuracy", knnAccuracy);
    }

    /** A builder for the row {@code name} of {@code kind}, every figure {@code null}, one seed. */
    public static Builder builder(String name, RowKind kind) {
        return new Builder(name, kind);
    }

    /** MSE on the training split: {@code reconMse − overfitGap}, or NaN if either is missing. */
    public double trainingMse() {
        if (reconMse == null || overfitGap == null) {
            return Double.NaN;
        }
        return reconMse.mean() - overfitGap.mean();
    }

    private static void checkFraction(String name, String figure, Stat stat) {
        if (stat != null && (stat.mean() < 0 || stat.mean() > 1)) {
            throw new IllegalArgumentException(
                    String.format(
                            "comparison row %s: %s must be in [0, 1], got %s",
                            name, figure, stat.mean()));
        }
    }

    /** Builds a {@link ComparisonRow}; figures left unset are {@code null} (do not apply). */
    public static final class Builder {
        private final String name;
        private final RowKind kind;
        private Stat reconMse;
        private Stat psnr;
        private Stat ssim;
        private Stat elbo;
        private Stat kl;
        private Stat probeAccuracy;
        private Stat knnAccuracy;
        private Stat overfitGap;
        private Stat activeUnits;
        private Long trainableParams;
        private Stat trainSeconds;
        private int seeds = 1;

        private Builder(String name, RowKind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder optReconMse(Stat reconMse) {
            this.reconMse = reconMse;
            return this;
        }

        public Builder optPsnr(Stat psnr) {
            this.psnr = psnr;
            return this;
        }

        public Builder optSsim(Stat ssim) {
            this.ssim = ssim;
            return this;
        }

        public Builder optElbo(Stat elbo) {
            this.elbo = elbo;
            return this;
        }

        public Builder optKl(Stat kl) {
            this.kl = kl;
            return this;
        }

        public Builder optProbeAccuracy(Stat probeAccuracy) {
            this.probeAccuracy = probeAccuracy;
            return this;
        }

        public Builder optKnnAccuracy(Stat knnAccuracy) {
            this.knnAccuracy = knnAccuracy;
            return this;
        }

        public Builder optOverfitGap(Stat overfitGap) {
            this.overfitGap = overfitGap;
            return this;
        }

        public Builder optActiveUnits(Stat activeUnits) {
            this.activeUnits = activeUnits;
            return this;
        }

        public Builder optTrainableParams(Long trainableParams) {
            this.trainableParams = trainableParams;
            return this;
        }

        public Builder optTrainSeconds(Stat trainSeconds) {
            this.trainSeconds = trainSeconds;
            return this;
        }

        public Builder optSeeds(int seeds) {
            this.seeds = seeds;
            return this;
        }

        /** Checks the ranges documented on the record and builds the row. */
        public ComparisonRow build() {
            return new ComparisonRow(
                    name,
                    kind,
                    reconMse,
                    psnr,
                    ssim,
                    elbo,
                    kl,
                    probeAccuracy,
                    knnAccuracy,
                    overfitGap,
                    activeUnits,
                    trainableParams,
                    trainSeconds,
                    seeds);
        }
    }
}
