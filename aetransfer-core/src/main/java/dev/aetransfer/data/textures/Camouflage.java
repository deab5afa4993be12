package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Sharp-edged blotches of four flat colours, from smooth noise cut at three levels. */
final class Camouflage implements Family {

    @Override
    public String name() {
        return "camouflage";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(1.5, 3);
        int octaves = Math.min(3, Noise.octaves(frequency, pixel));
        int seed = random.nextInt();
        double spread = random.nextDouble(0.08, 0.14);
        double edge = pixel * frequency * 0.6;
        return (u, v) -> {
            double n = Noise.fbm(u * frequency, v * frequency, octaves, seed);
            double level =
                    Shapes.ramp(n + spread, edge)
                            + Shapes.ramp(n, edge)
                            + Shapes.ramp(n - spread, edge);
            return level / 3;
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double[] black =
                Palette.hsv(random.nextDouble(60, 120), 0.3, random.nextDouble(0.08, 0.18));
        double[] green =
                Palette.hsv(
                        random.nextDouble(80, 130),
                        random.nextDouble(0.35, 0.6),
                        random.nextDouble(0.25, 0.45));
        double[] brown =
                Palette.hsv(
                        random.nextDouble(20, 35),
                        random.nextDouble(0.4, 0.65),
                        random.nextDouble(0.3, 0.5));
        double[] khaki =
                Palette.hsv(
                        random.nextDouble(40, 60),
                        random.nextDouble(0.25, 0.5),
                        random.nextDouble(0.5, 0.75));
        return Palette.of(black, green, brown, khaki).shuffled(random);
    }
}
