package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Circular waves spreading from a point on the patch and fading with distance, as on water. */
final class Ripples implements Family {

    @Override
    public String name() {
        return "ripples";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(4, 9);
        double centreU = random.nextDouble(-0.3, 0.3);
        double centreV = random.nextDouble(-0.3, 0.3);
        double fade = random.nextDouble(0.5, 3);
        double phase = random.nextDouble(2 * Math.PI);
        return (u, v) -> {
            double du = u - centreU;
            double dv = v - centreV;
            double radius = Math.sqrt(du * du + dv * dv);
            double wave = StrictMath.cos(2 * Math.PI * radius * frequency + phase);
            return 0.5 + 0.5 * wave / (1 + fade * radius);
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue =
                random.nextDouble() < 0.7 ? random.nextDouble(175, 230) : random.nextDouble(360);
        double[] trough =
                Palette.hsv(hue, random.nextDouble(0.5, 0.9), random.nextDouble(0.15, 0.4));
        double[] crest = Palette.hsv(hue, random.nextDouble(0.1, 0.5), random.nextDouble(0.7, 1));
        return Palette.of(trough, crest);
    }
}
