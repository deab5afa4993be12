package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Courses of bricks in running bond, each brick its own shade, set in mortar. */
final class Bricks implements Family {

    @Override
    public String name() {
        return "bricks";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double courses = random.nextDouble(2.5, 5);
        double length = random.nextDouble(1.8, 2.8);
        double mortar = random.nextDouble(0.12, 0.22);
        double phaseU = random.nextDouble();
        double phaseV = random.nextDouble();
        double edge = pixel * courses;
        int octaves = Noise.octaves(courses * 2, pixel);
        int seed = random.nextInt();
        return (u, v) -> {
            // Distances in course heights; odd courses are shifted by half a brick.
            double y = v * courses + phaseV;
            double row = Math.floor(y);
            double x = u * courses / length + phaseU + 0.5 * row;
            double column = Math.floor(x);
            double toJoint = Math.min(x - column, column + 1 - x) * length;
            double toBed = Math.min(y - row, row + 1 - y);
            double inside = Math.min(toJoint, toBed) - mortar / 2;

            double shade = Shapes.unit(Noise.hash((int) column, (int) row, seed));
            double rough = Noise.fbm(u * courses * 2, v * courses * 2, octaves, seed + 1);
            return Shapes.ramp(inside, edge) * (0.6 + 0.3 * shade + 0.15 * rough);
        };
    }

    @Override
    public Palette palette(SplittableRandom random) {
        double hue =
                random.nextDouble() < 0.8 ? random.nextDouble(0, 25) : random.nextDouble(25, 45);
        double[] mortar =
                Palette.hsv(
                        random.nextDouble(30, 60),
                        random.nextDouble(0, 0.15),
                        random.nextDouble(0.6, 0.85));
        double[] dark =
                Palette.hsv(hue, random.nextDouble(0.55, 0.85), random.nextDouble(0.3, 0.45));
        double[] light =
                Palette.hsv(hue + 5, random.nextDouble(0.45, 0.75), random.nextDouble(0.55, 0.8));
        return Palette.of(mortar, dark, light);
    }
}
