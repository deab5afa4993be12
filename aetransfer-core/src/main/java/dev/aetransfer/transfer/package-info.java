/**
 * Transfer strategies: which stages of a pretrained model train on the target, at which learning
 * rates, with which new adapter layers, and the cache that lets a frozen prefix run only once.
 *
 * <p>{@link dev.aetransfer.transfer.Strategy} names a strategy, {@link
 * dev.aetransfer.transfer.FreezePlan} says what it freezes in a given epoch, and {@link
 * dev.aetransfer.transfer.FineTuner} prepares a model for it and trains it.
 */
package dev.aetransfer.transfer;
