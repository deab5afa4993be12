package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/** Parallel bands of two colours, hard-edged or soft. */
final class Stripes implements Family {

    @Override
    public String name() {
        return "stripes";
    }

    @Override
    public Pattern draw(SplittableRandom random, double pixel) {
        double frequency = random.nextDouble(2.5, 7);
        double duty = random.nextDouble(0.3, 0.7);
        double phase = random.nextDouble();
        double edge = pixel * frequency * random.nextDouble(1, 4);
        return (u, v) -> Shapes.band(u * frequency + phase, duty, edge);
    }
}
