/**
 * Autoencoder and VAE architectures with named stages, and the model file.
 *
 * <p>A model is a sequence of stages that a strategy or a user can name: {@code encoder.0} … {@code
 * encoder.n}, {@code latent} (mean and log-variance heads for a VAE), {@code decoder.0} … {@code
 * decoder.n} and {@code decoder.out}, plus {@code adapter.pre} and {@code adapter.post} once
 * adapters are inserted around the latent. {@link dev.aetransfer.model.AutoencoderSpec} describes
 * one, {@link dev.aetransfer.model.AutoencoderBlock} is the DJL block built from it, and {@link
 * dev.aetransfer.model.ModelFile} saves and loads it with its provenance as one {@code .aet} zip.
 */
package dev.aetransfer.model;
