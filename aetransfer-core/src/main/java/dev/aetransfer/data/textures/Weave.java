package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Basket weave: bundles of strands that alternate between running across and running down. */
final class Weave implements Family {

    @Override
    public String name() {
        return "weave";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(2, 4);
        int strands = 2 + random.nextInt(2);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency * strands;
        return (u, v) -> {
            double x = u * frequency + phaseU;
            double y = v * frequency + phaseV;
            boolean across = ((int) Math.floor(x) + (int) Math.floor(y)) % 2 == 0;
            double along = Shapes.fract(across ? x : y);
            double side = (across ? y : x) * strands;

            // Each strand is rounded across its width and dips under its neighbours at both ends.
            double s = Shapes.fract(side);
            double round = Math.sqrt(StrictMath.sin(Math.PI * s));
            double gap = Shapes.ramp(Math.min(s, 1 - s) - 0.06, edge);
            double end = (2 * along - 1) * (2 * along - 1);
            double dip = 1 - 0.6 * end * end;
            return round * gap * dip;
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue = random.nextBoolean() ? random.nextDouble(30, 50) : random.nextDouble(360);
        double saturation = random.nextDouble(0.3, 0.7);
        double[] shadow = Palette.hsv(hue, saturation, random.nextDouble(0.05, 0.25));
        double[] strand = Palette.hsv(hue, saturation, random.nextDouble(0.65, 1));
        return Palette.of(shadow, strand);
    }
}
