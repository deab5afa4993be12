package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Regular hexagonal cells with walls between them, shaded towards the middle of each cell. */
final class Honeycomb implements Family {

    private static final double ROW = Math.sqrt(3);

    @Override
    public String name() {
        return "honeycomb";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(3, 6);
        double wall = random.nextDouble(0.06, 0.14);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency;
        return (u, v) -> {
            // Centres lie on two rectangular grids, one offset by half a cell; take the nearer.
            double x = u * frequency + phaseU;
            double y = v * frequency + phaseV;
            double ax = x - Math.floor(x) - 0.5;
            double ay = y - ROW * Math.floor(y / ROW) - ROW / 2;
            double bx = x - 0.5 - Math.floor(x - 0.5) - 0.5;
            double by = y - ROW / 2 - ROW * Math.floor((y - ROW / 2) / ROW) - ROW / 2;
            boolean nearA = ax * ax + ay * ay < bx * bx + by * by;
            double dx = Math.abs(nearA ? ax : bx);
            double dy = Math.abs(nearA ? ay : by);

            // Distance to the hexagon's edge; neighbours are 1 apart, so the inradius is 0.5.
            double inside = 0.5 - Math.max(dx, 0.5 * dx + ROW / 2 * dy);
            double depth = 0.5 + 0.5 * Shapes.clamp01(inside / 0.5);
            return 1 - Shapes.ramp(inside - wall / 2, edge) * depth;
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        if (random.nextBoolean()) {
            return Palette.random(random);
        }
        double hue = random.nextDouble(28, 45);
        double[] cell = Palette.hsv(hue, random.nextDouble(0.7, 1), random.nextDouble(0.35, 0.6));
        double[] wax =
                Palette.hsv(hue + 8, random.nextDouble(0.3, 0.6), random.nextDouble(0.85, 1));
        return Palette.of(cell, wax);
    }
}
