package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Growth rings around a centre near or off the patch, warped by noise, with fine grain. */
final class Wood implements Family {

    @Override
    public String name() {
        return "wood";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double rings = random.nextDouble(4, 9);
        double direction = random.nextDouble(2 * Math.PI);
        double distance = random.nextDouble(0.3, 1.5);
        double cos = StrictMath.cos(direction);
        double sin = StrictMath.sin(direction);
        double centreU = distance * cos;
        double centreV = distance * sin;
        double warp = random.nextDouble(0.25, 0.7);
        double latewood = random.nextDouble(0.6, 0.8);
        double fall = Math.max(0.15, 1.5 * pixel * rings);
        int octaves = Noise.octaves(2, pixel);
        int seed = random.nextInt();
        return (u, v) -> {
            double du = u - centreU;
            double dv = v - centreV;
            double radius = Math.sqrt(du * du + dv * dv);
            double ring = radius * rings + warp * Noise.fbm(u * 2, v * 2, octaves, seed);
            // Light earlywood darkens gradually into a dark latewood band, then turns light again.
            double f = Shapes.fract(ring);
            double darken = Shapes.smoothstep(latewood - 0.3, latewood, f);
            double lighten = Shapes.smoothstep(latewood, latewood + fall, f);
            double shade = 1 - 0.75 * darken * (1 - lighten);
            // Streaks: fine across the rings, long along them.
            double grain = Noise.perlin(ring * 10, (v * cos - u * sin) * 3, seed + 1);
            return shade + 0.12 * grain;
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue = random.nextDouble(18, 40);
        double[] dark =
                Palette.hsv(hue, random.nextDouble(0.5, 0.8), random.nextDouble(0.25, 0.45));
        double[] light =
                Palette.hsv(hue + 5, random.nextDouble(0.35, 0.65), random.nextDouble(0.65, 0.9));
        return Palette.of(dark, light);
    }
}
