package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Polka dots on a square or hexagonal lattice. */
final class Dots implements Family {

    private static final double ROW = Math.sqrt(3) / 2;

    @Override
    public String name() {
        return "dots";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(3, 6.5);
        double radius = random.nextDouble(0.18, 0.36);
        boolean hexagonal = random.nextBoolean();
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency;
        return (u, v) -> {
            double x = u * frequency + phaseU;
            double y = v * frequency + phaseV;
            double dy;
            if (hexagonal) {
                double row = Math.floor(y / ROW);
                x += 0.5 * row;
                dy = (y / ROW - row - 0.5) * ROW;
            } else {
                dy = Shapes.fract(y) - 0.5;
            }
            double dx = Shapes.fract(x) - 0.5;
            return Shapes.ramp(radius - Math.sqrt(dx * dx + dy * dy), edge);
        };
    }
}
