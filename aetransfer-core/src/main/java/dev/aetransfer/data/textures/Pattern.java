package dev.aetransfer.data.textures;

/** One drawn instance of a texture: a shade at every point of the patch. */
@FunctionalInterface
interface Pattern {

    /**
     * The shade at {@code (u, v)}, in patch widths from the patch centre (a rotated square of at
     * most [-0.5, 0.5] on each axis); 0 and 1 are the first and last colour of the palette, values
     * outside [0, 1] are clamped.
     */
    double at(double u, double v);
}
