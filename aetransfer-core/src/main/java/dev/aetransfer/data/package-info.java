/**
 * Data sources: image folders, IDX files, GIMP patterns, CSV and NPY vectors, procedural textures,
 * patch sampling, class selection and splits.
 *
 * <p>Every source yields a {@link dev.aetransfer.data.SampleSet}: samples of one {@link
 * dev.aetransfer.data.SampleShape}, laid out {@code C×H×W}, with optional integer labels and class
 * names. Images are uint8 in memory and read as floats in [0, 1].
 *
 * <p>The way in is {@link dev.aetransfer.data.DataLoader#load}, which turns a {@link
 * dev.aetransfer.data.DataRequest} into a {@link dev.aetransfer.data.TrainTestSplit}; data larger
 * than the request's memory budget is decoded once into a cache file and read from there. {@link
 * dev.aetransfer.data.SampleSetDataset} serves a set to DJL's Dataset API, {@link
 * dev.aetransfer.data.DataSummary} and {@link dev.aetransfer.data.ContactSheet} describe one.
 */
package dev.aetransfer.data;
