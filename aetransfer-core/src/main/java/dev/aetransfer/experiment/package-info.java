/**
 * Comparisons of transfer strategies: what a comparison produced ({@link
 * dev.aetransfer.experiment.ComparisonResult} with one {@link
 * dev.aetransfer.experiment.ComparisonRow} per strategy or baseline, loss curves, reconstructions
 * and latent projections) and which strategy it recommends ({@link
 * dev.aetransfer.experiment.Recommendation}).
 *
 * <p>The result types are immutable records; figures measured over several seeds are {@link
 * dev.aetransfer.experiment.Stat}s, and a figure that does not apply to a row is {@code null}.
 */
package dev.aetransfer.experiment;
