package dev.aetransfer.data.textures;

import java.util.SplittableRandom;

/**
 * A kind of texture, such as stripes or bricks. Implementations hold no state: everything random
 * comes from the generator passed in, so an instance is safe to share between threads.
 */
interface Family {

    /** The name specs and class names use: lower case, one word. */
    String name();

    /**
     * Draws the pattern of one sample: its scale, phase and shape parameters.
     *
     * @param pixel the width of one pixel in patch widths, for anti-aliased edges
     */
    Pattern draw(SplittableRandom random, double pixel);

    /** Draws the colours of one sample; by default a dark and a light colour of random hues. */
    default Palette palette(SplittableRandom random) {
        return Palette.random(random);
    }
}
