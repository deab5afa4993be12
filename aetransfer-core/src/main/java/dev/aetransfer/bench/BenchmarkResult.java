package dev.aetransfer.bench;

import dev.aetransfer.data.SampleShape;

/**
 * The figure of one workload on one shape.
 *
 * @param workload the workload
 * @param shape the image shape
 * @param parameters the model's scalar parameters, running statistics excluded
 * @param imagesPerSecond images processed per second of measured time
 * @param threads the engine's intra-op threads
 * @param engine the engine and its version, e.g. {@code PyTorch 2.7.1}
 */
public record BenchmarkResult(
        Workload workload,
        SampleShape shape,
        long parameters,
        double imagesPerSecond,
        int threads,
        String engine) {}
