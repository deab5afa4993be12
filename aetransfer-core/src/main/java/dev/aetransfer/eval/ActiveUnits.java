package dev.aetransfer.eval;

/**
 * Active latent units as Burda et al. (2016) count them: a unit is active when the variance over
 * the data of its latent mean exceeds {@value #THRESHOLD}. Units of a VAE that collapsed to the
 * prior are inactive.
 *
 * <p>Stateless and thread-safe.
 */
public final class ActiveUnits {

    /** A unit is active when the variance of its mean is above this. */
    public static final double THRESHOLD = 0.01;

    private ActiveUnits() {}

    /**
     * How many of the {@code latent} units are active, from the latent means of {@code n >= 2}
     * samples, {@code n × latent}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 rows, the rows differ in length or
     *     a value is not finite
     */
    public static int count(float[][] means) {
        int active = 0;
        for (double v : variances(means)) {
            if (v > THRESHOLD) {
                active++;
            }
        }
        return active;
    }

    /**
     * Variance over the samples of each unit's mean, population form (divided by {@code n}), one
     * per unit.
     *
     * @throws IllegalArgumentException as {@link #count}
     */
    public static double[] variances(float[][] means) {
        int units = Checks.features("latent means", means);
        if (means.length < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "active units need the latent means of at least 2 samples, got %d",
                            means.length));
        }

        return ColumnStats.variances(means, ColumnStats.means(means, units));
    }
}
