package dev.aetransfer.bench;

import dev.aetransfer.data.SampleShape;
import java.util.List;

/**
 * What to measure.
 *
 * @param seconds measured time per workload and shape, after the warm-up; positive
 * @param workloads the workloads, in order; not empty
 * @param shapes the image shapes, each at least 8×8; not empty
 * @param latentSize the conv-vae's latent size, positive
 * @param seed seed of the synthetic images and of the models' initialisation
 */
public record BenchmarkOptions(
        double seconds,
        List<Workload> workloads,
        List<SampleShape> shapes,
        int latentSize,
        long seed) {

    /** The shapes measured by default. */
    public static final List<SampleShape> DEFAULT_SHAPES =
            List.of(new SampleShape(1, 32, 32), new SampleShape(3, 64, 64));

    public BenchmarkOptions {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(
                    String.format("--seconds must be positive, got %s", seconds));
        }
        if (workloads.isEmpty() || shapes.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs a workload and a shape");
        }
        for (SampleShape shape : shapes) {
            if (shape.height() < 8 || shape.width() < 8) {
                throw new IllegalArgumentException(
                        String.format("--shape must be at least 8x8 for conv-vae, got %s", shape));
            }
        }
        if (latentSize < 1) {
            throw new IllegalArgumentException(
                    String.format("--latent must be positive, got %d", latentSize));
        }
        workloads = List.copyOf(workloads);
        shapes = List.copyOf(shapes);
    }

    /** Five seconds each, every workload, both default shapes, latent 32, seed 42. */
    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(5, List.of(Workload.values()), DEFAULT_SHAPES, 32, 42);
    }
}
