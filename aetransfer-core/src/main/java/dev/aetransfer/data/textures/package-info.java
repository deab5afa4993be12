/**
 * The built-in procedural textures, {@code textures:} on the command line: fifteen families of
 * patterns (stripes, wood rings, bricks, ...) drawn with random orientation, scale, colours,
 * contrast and noise. {@link dev.aetransfer.data.textures.Textures} is the way in; {@code source}
 * and {@code target} are a large pretraining mix and a small set of families held out of it.
 *
 * <p>Every sample is a pure function of the seed and its index, computed with {@link StrictMath}
 * and integer hashes only, so a spec and seed give the same bytes on any machine and thread count.
 */
package dev.aetransfer.data.textures;
