package dev.aetransfer.testing;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small labelled image sets for fast tests: each class is a smooth pattern (stripes at its own
 * angle and frequency) with per-sample phase and noise, so a model can learn them in a few steps
 * and a probe can tell the classes apart.
 */
public final class TinyData {

    private TinyData() {}

    /** {@code perClass × classes} images of {@code shape}, deterministic for {@code seed}. */
    public static InMemorySampleSet stripes(
            SampleShape shape, int classes, int perClass, long seed) {
        Random random = new Random(seed);
        int n = classes * perClass;
        byte[] values = new byte[n * shape.volume()];
        int[] labels = new int[n];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        int plane = shape.height() * shape.width();
        for (int i = 0; i < n; i++) {
            int label = i % classes;
            labels[i] = label;
            double angle = Math.PI * label / classes;
            double frequency = 0.4 + 0.3 * label;
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int ch = 0; ch < shape.channels(); ch++) {
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < shape.width(); x++) {
                        double t = x * Math.cos(angle) + y * Math.sin(angle);
                        double v = 0.5 + 0.4 * Math.sin(frequency * t + phase + ch);
                        v += 0.05 * random.nextGaussian();
                        int b = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                        values[i * shape.volume() + ch * plane + y * shape.width() + x] = (byte) b;
                    }
                }
            }
        }
        return InMemorySampleSet.ofBytes(shape, values, "tiny-stripes").withLabels(labels, names);
    }
}
