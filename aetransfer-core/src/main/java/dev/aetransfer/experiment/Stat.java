package dev.aetransfer.experiment;

import java.util.Locale;

/**
 * A figure over seeds: its mean and sample standard deviation (divided by {@code n − 1}; 0 for one
 * seed). A figure that does not apply is a {@code null} Stat, never NaN.
 *
 * @param mean the mean, finite
 * @param std the standard deviation, finite and at least 0
 */
public record Stat(double mean, double std) {

    public Stat {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException(
                    String.format("a figure's mean must be finite, got %s", mean));
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException(
                    String.format("a figure's standard deviation must be 0 or more, got %s", std));
        }
    }

    /**
     * Mean and sample standard deviation of one value per seed.
     *
     * @throws IllegalArgumentException if there are no values or one is not finite
     */
    public static Stat of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one value, got none");
        }
        double sum = 0;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        String.format("every value of a figure must be finite, got %s", value));
            }
            sum += value;
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new Stat(mean, 0);
        }

        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new Stat(mean, Math.sqrt(squares / (values.length - 1)));
    }

    /**
     * The pooled standard deviation of two figures, {@code sqrt((a² + b²) / 2)}: the noise a
     * difference between their means has to exceed to count.
     */
    public static double pooledStd(Stat a, Stat b) {
        return Math.sqrt((a.std * a.std + b.std * b.std) / 2);
    }

    /** This figure times {@code factor}: a fraction as a percentage, for instance. */
    public Stat scaled(double factor) {
        return new Stat(mean * factor, std * Math.abs(factor));
    }

    /**
     * {@code mean ± std} with {@code decimals} places for both, or the mean alone when {@code
     * withStd} is false: {@code 0.0123 ± 0.0004}.
     */
    public String format(int decimals, boolean withStd) {
        String value = String.format(Locale.ROOT, "%." + decimals + "f", mean);
        if (!withStd) {
            return value;
        }
        return String.format(Locale.ROOT, "%s ± %." + decimals + "f", value, std);
    }

    /**
     * Decimal places that show {@code magnitude} with three significant digits ({@code 0.0123}: 4,
     * {@code 19.2}: 1), between 0 and 6; 2 for 0.
     */
    public static int decimalsFor(double magnitude) {
        double size = Math.abs(magnitude);
        if (size == 0 || !Double.isFinite(size)) {
            return 2;
        }
        int leading = (int) Math.floor(Math.log10(size));
        return Math.max(0, Math.min(6, 2 - leading));
    }
}
