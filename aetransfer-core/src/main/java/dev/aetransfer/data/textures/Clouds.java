package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Fractal noise: soft white clouds on a sky, or on a random colour. */
final class Clouds implements Family {

    @Override
    public String name() {
        return "clouds";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(1.5, 3.5);
        int octaves = Noise.octaves(frequency, pixel);
        int seed = random.nextInt();
        double cover = random.nextDouble(-0.1, 0.1);
        double softness = random.nextDouble(0.12, 0.3);
        return (u, v) -> {
            double n = Noise.fbm(u * frequency, v * frequency, octaves, seed);
            return Shapes.smoothstep(cover - softness, cover + softness, n);
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue =
                random.nextDouble() < 0.7 ? random.nextDouble(195, 225) : random.nextDouble(360);
        double[] sky = Palette.hsv(hue, random.nextDouble(0.35, 0.8), random.nextDouble(0.55, 0.9));
        double[] cloud = Palette.hsv(hue, random.nextDouble(0, 0.1), random.nextDouble(0.85, 1));
        return Palette.of(sky, cloud);
    }
}
