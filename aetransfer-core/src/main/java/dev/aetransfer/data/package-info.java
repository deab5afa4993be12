/**
 * Data sources: image folders, IDX files, GIMP patterns, CSV and NPY vectors, procedural textures,
 * patch sampling, class selection and splits.
 *
 * <p>Every source yields a {@link dev.aetransfer.data.SampleSet}: samples of one {@link
 * dev.aetransfer.data.SampleShape}, laid out {@code C×H×W}, with optional integer labels and class
 * names. Images are uint8 in memory and read as floats in [0, 1].
 */
package dev.aetransfer.data;
