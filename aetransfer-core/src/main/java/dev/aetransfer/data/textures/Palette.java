package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Colours at evenly spaced stops in [0, 1], blended linearly between; RGB in [0, 1]. */
final class Palette {

    private final double[][] stops;

    private Palette(double[][] stops) {
        this.stops = stops;
    }

    /** A palette through the given RGB colours, the first at 0 and the last at 1. */
    static Palette of(double[]... colours) {
        if (colours.length < 2) {
            throw new IllegalStateException("a palette needs at least two colours");
        }
        return new Palette(colours.clone());
    }

    /** A dark and a light colour of random hues, saturations and lightness, in random order. */
    static Palette random(SplittableRandom random) {
        double hue = random.nextDouble(360);
        double other =
                random.nextBoolean()
                        ? hue + random.nextDouble(-40, 40)
                        : hue + random.nextDouble(120, 240);
        double[] dark = hsv(hue, random.nextDouble(0.2, 0.9), random.nextDouble(0.08, 0.45));
        double[] light = hsv(other, random.nextDouble(0.1, 0.8), random.nextDouble(0.6, 1));
        return random.nextBoolean() ? of(dark, light) : of(light, dark);
    }

    /**
     * An RGB colour from hue, saturation and value.
     *
     * @param hue degrees, any value (taken modulo 360)
     * @param saturation in [0, 1]
     * @param value brightness in [0, 1]
     */
    static double[] hsv(double hue, double saturation, double value) {
        double h = Shapes.fract(hue / 360) * 6;
        int sector = (int) h;
        double f = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        return switch (sector) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
    }

    /** The same colours in a random order. */
    Palette shuffled(SplittableRandom random) {
        double[][] order = stops.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Palette(order);
    }

    /** Writes the colour at {@code t} in [0, 1] into {@code rgb}. */
    void colour(double t, double[] rgb) {
        double position = Shapes.clamp01(t) * (stops.length - 1);
        int low = Math.min((int) position, stops.length - 2);
        double f = position - low;
        for (int c = 0; c < 3; c++) {
            rgb[c] = stops[low][c] + f * (stops[low + 1][c] - stops[low][c]);
        }
    }

    /** The mean of the stops, the centre that contrast scales around. */
    double[] mean() {
        double[] mean = new double[3];
        for (double[] stop : stops) {
            for (int c = 0; c < 3; c++) {
                mean[c] += stop[c] / stops.length;
            }
        }
        return mean;
    }
}
