package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Zigzag stripes: bands bent into sharp, evenly spaced chevrons. */
final class Chevron implements Family {

    @Override
    public String name() {
        return "chevron";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(3, 6);
        double zigzags = random.nextDouble(1.5, 3.5);
        double slope = random.nextDouble(0.8, 1.6);
        double duty = random.nextDouble(0.35, 0.65);
        double phase = random.nextDouble();
        double phaseU = random.nextDouble();
        // Peak-to-peak height, in patch widths, that gives the chosen slope.
        double height = slope / (2 * zigzags);
        double edge = pixel * frequency * Math.sqrt(1 + slope * slope);
        return (u, v) -> {
            double bent = v + height * Shapes.triangle(u * zigzags + phaseU);
            return Shapes.band(bent * frequency + phase, duty, edge);
        };
    }
}
