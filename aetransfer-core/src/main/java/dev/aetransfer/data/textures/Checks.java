package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** A checkerboard of square cells. */
final class Checks implements Family {

    @Override
    public String name() {
        return "checks";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(1.5, 3.5);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency;
        return (u, v) -> {
            // A smooth exclusive-or of two square waves, one half period per cell.
            double a = Shapes.band(u * frequency + phaseU, 0.5, edge);
            double b = Shapes.band(v * frequency + phaseV, 0.5, edge);
            return a + b - 2 * a * b;
        };
    }
}
