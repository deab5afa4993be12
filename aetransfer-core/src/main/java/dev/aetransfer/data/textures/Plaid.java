package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Tartan: the same wide and thin bands run across and down, darker where they cross. */
final class Plaid implements Family {

    @Override
    public String name() {
        return "plaid";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(1.5, 3);
        double wide = random.nextDouble(0.25, 0.4);
        double thin = random.nextDouble(0.05, 0.1);
        double thinAt = random.nextDouble(wide + 0.1, 0.9 - thin);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency;
        return (u, v) -> {
            double across = bands(u * frequency + phaseU, wide, thin, thinAt, edge);
            double down = bands(v * frequency + phaseV, wide, thin, thinAt, edge);
            return (across + down) / 2;
        };
    }

    private static double bands(double x, double wide, double thin, double thinAt, double edge) {
        return Math.max(Shapes.band(x, wide, edge), Shapes.band(x - thinAt, thin, edge));
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue = random.nextDouble(360);
        double[] ground = Palette.hsv(hue, random.nextDouble(0.1, 0.6), random.nextDouble(0.7, 1));
        double[] band =
                Palette.hsv(
                        hue + random.nextDouble(90, 270),
                        random.nextDouble(0.5, 0.9),
                        random.nextDouble(0.45, 0.75));
        double[] cross = Palette.hsv(hue, random.nextDouble(0.3, 0.9), random.nextDouble(0.1, 0.3));
        return Palette.of(ground, band, cross);
    }
}
