package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Overlapping round scales in staggered rows, each row covering the edge of the one behind. */
final class Scales implements Family {

    @Override
    public String name() {
        return "scales";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(2.2, 3.8);
        double radius = random.nextDouble(0.6, 0.75);
        double rim = random.nextDouble(0.06, 0.12);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * frequency;
        return (u, v) -> {
            // Rows are half a scale apart; the row in front (larger y) wins where scales overlap.
            double x = u * frequency + phaseU;
            double y = v * frequency + phaseV;
            int front = (int) Math.floor(2 * y) + 2;
            for (int row = front; row > front - 5; row--) {
                double shift = (row & 1) == 0 ? 0 : 0.5;
                double dx = x - shift - Math.floor(x - shift + 0.5);
                double dy = y - row * 0.5;
                double distance = Math.sqrt(dx * dx + dy * dy);
                if (distance < radius) {
                    // Bright towards the free upper edge, shaded where the row in front covers it.
                    double shade = 0.25 + 0.75 * Shapes.clamp01(-1.3 * dy / radius);
                    return shade * Shapes.ramp(radius - distance - rim, edge);
                }
            }
            return 0;
        };
    }
}
