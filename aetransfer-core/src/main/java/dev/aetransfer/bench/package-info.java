/**
 * Fixed benchmark workloads on synthetic data: how many images per second the library's own
 * training and encoding paths process, so that the figures can be set beside plain PyTorch running
 * the same model ({@code bench/torch_reference.py}).
 *
 * <p>{@link dev.aetransfer.bench.Benchmark} runs the {@link dev.aetransfer.bench.Workload}s through
 * the classes that {@code pretrain}, {@code finetune}, {@code compare} and {@code encode} use; it
 * adds no fast path of its own.
 */
package dev.aetransfer.bench;
