package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Irregular Voronoi cells, each its own shade, parted by dark borders. */
final class Cells implements Family {

    @Override
    public String name() {
        return "cells";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(3, 6.5);
        double border = random.nextDouble(0.03, 0.1);
        double edge = pixel * frequency;
        int seed = random.nextInt();
        return (u, v) -> {
            Noise.Cell cell = Noise.worley(u * frequency, v * frequency, seed);
            // Half the gap between the two nearest points approximates the distance to the border.
            double inside = (cell.f2() - cell.f1()) / 2 - border;
            return (0.4 + 0.6 * Shapes.unit(cell.id())) * Shapes.ramp(inside, edge);
        };
    }
}
