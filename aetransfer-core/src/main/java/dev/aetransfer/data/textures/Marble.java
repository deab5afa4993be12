package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Pale stone crossed by thin dark veins that wander with turbulent noise. */
final class Marble implements Family {

    @Override
    public String name() {
        return "marble";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(0.8, 2);
        double noiseFrequency = random.nextDouble(1, 2);
        double warp = random.nextDouble(1.5, 3);
        double sharpness = random.nextDouble(0.15, 0.35);
        int octaves = Math.min(4, Noise.octaves(noiseFrequency, pixel));
        int seed = random.nextInt();
        return (u, v) -> {
            double n = Noise.turbulence(u * noiseFrequency, v * noiseFrequency, octaves, seed);
            double s = StrictMath.sin(Math.PI * (u * frequency + warp * n));
            return StrictMath.pow(Math.abs(s), sharpness);
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double[] vein =
                Palette.hsv(
                        random.nextDouble(360),
                        random.nextDouble(0, 0.5),
                        random.nextDouble(0.1, 0.45));
        double[] stone =
                Palette.hsv(
                        random.nextDouble(360),
                        random.nextDouble(0, 0.2),
                        random.nextDouble(0.8, 1));
        return Palette.of(vein, stone);
    }
}
