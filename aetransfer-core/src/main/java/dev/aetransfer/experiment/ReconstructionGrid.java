package dev.aetransfer.experiment;

import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The same few held-out target images and their reconstructions by each strategy and baseline (from
 * the first seed). Every image is {@code shape.volume()} floats, {@code C×H×W} row-major, in [0,
 * 1]; values outside are clipped when drawn. Arrays are copied in and out.
 *
 * @param shape the shape of every image
 * @param originals the target images, at least one
 * @param reconstructions per row name, in display order, one reconstruction per original
 */
public record ReconstructionGrid(
        SampleShape shape, List<float[]> originals, Map<String, List<float[]>> reconstructions) {

    public ReconstructionGrid {
        if (shape == null) {
            throw new IllegalArgumentException("a reconstruction grid needs an image shape");
        }
        if (originals.isEmpty()) {
            throw new IllegalArgumentException("a reconstruction grid needs at least one image");
        }
        originals = copy(shape, "the originals", originals);
        Map<String, List<float[]>> copies = new LinkedHashMap<>();
        for (Map.Entry<String, List<float[]>> entry : reconstructions.entrySet()) {
            if (entry.getValue().size() != originals.size()) {
                throw new IllegalArgumentException(
                        String.format(
                                "reconstruction grid: %s has %d reconstructions for %d originals",
                                entry.getKey(), entry.getValue().size(), originals.size()));
            }
            copies.put(entry.getKey(), copy(shape, entry.getKey(), entry.getValue()));
        }
        reconstructions = Collections.unmodifiableMap(copies);
    }

    /** Number of original images, the grid's columns. */
    public int size() {
        return originals.size();
    }

    /** Original {@code index}, a copy. */
    public float[] original(int index) {
        return originals.get(index).clone();
    }

    /**
     * Reconstruction {@code index} by the row {@code name}, a copy.
     *
     * @throws IllegalArgumentException if the grid has no reconstructions by {@code name}
     */
    public float[] reconstruction(String name, int index) {
        List<float[]> images = reconstructions.get(name);
        if (images == null) {
            throw new IllegalArgumentException(
                    String.format(
                            "reconstruction grid has no row %s; it has %s",
                            name, reconstructions.keySet()));
        }
        return images.get(index).clone();
    }

    @Override
    public List<float[]> originals() {
        return copy(shape, "the originals", originals);
    }

    @Override
    public Map<String, List<float[]>> reconstructions() {
        Map<String, List<float[]>> copies = new LinkedHashMap<>();
        reconstructions.forEach((name, images) -> copies.put(name, copy(shape, name, images)));
        return Collections.unmodifiableMap(copies);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ReconstructionGrid that)
                || !shape.equals(that.shape)
                || !reconstructions.keySet().equals(that.reconstructions.keySet())
                || !sameImages(originals, that.originals)) {
            return false;
        }
        for (String name : reconstructions.keySet()) {
            if (!sameImages(reconstructions.get(name), that.reconstructions.get(name))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(shape, reconstructions.keySet());
        for (float[] image : originals) {
            hash = 31 * hash + Arrays.hashCode(image);
        }
        return hash;
    }

    @Override
    public String toString() {
        return String.format(
                "ReconstructionGrid[shape=%s, images=%d, rows=%s]",
                shape, originals.size(), reconstructions.keySet());
    }

    private static List<float[]> copy(SampleShape shape, String what, List<float[]> images) {
        List<float[]> copies = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            if (image.length != shape.volume()) {
                throw new IllegalArgumentException(
                        String.format(
                                "reconstruction grid: image %d of %s has %d values, want %d for %s",
                                i + 1, what, image.length, shape.volume(), shape));
            }
            copies.add(image.clone());
        }
        return Collections.unmodifiableList(copies);
    }

    private static boolean sameImages(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
