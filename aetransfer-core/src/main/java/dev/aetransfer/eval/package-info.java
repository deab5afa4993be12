/**
 * Judging a model on a held-out split: reconstruction metrics, latent-space statistics, linear and
 * kNN probes, and the PCA baseline.
 *
 * <p>Everything here works on plain Java arrays and needs no engine. Images are {@code
 * float[n][C·H·W]} in [0, 1], laid out {@code C×H×W} row-major as {@link
 * dev.aetransfer.data.SampleShape} describes; features are {@code float[n][d]} with {@code int[n]}
 * class labels {@code >= 0}. The raw-pixel baseline needs no class of its own: the flattened images
 * are its features. Inputs are never modified or retained.
 */
package dev.aetransfer.eval;
