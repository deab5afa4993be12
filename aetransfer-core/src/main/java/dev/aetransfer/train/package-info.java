/**
 * Training: the objective (reconstruction and KL), the optimiser and its schedule, the training
 * loop, checkpoints and progress.
 *
 * <p>The loop is independent of where its batches come from ({@link
 * dev.aetransfer.train.BatchSource}: data, a cache of frozen-stage outputs, or a partition of a
 * distributed dataset) and of how parameters are combined ({@link
 * dev.aetransfer.train.ParameterUpdater}), so that data-parallel training can reuse it.
 */
package dev.aetransfer.train;
