package dev.aetransfer.data;

import java.util.Random;

/**
 * Chooses where square patches are cut from an image. Over the whole image a patch may start at any
 * pixel and wraps around the edges, as a tiling of the image would (textures are tileable). When
 * one image serves both splits it is divided along its longer side into a training region and a
 * test region; a patch then lies wholly inside its region along that side (wrapping only along the
 * other), so no test patch shares a pixel with a training patch.
 */
final class PatchSampler {

    private static final String TOO_SMALL =
            "image %s is %dx%d pixels, too small for two regions of %dx%d patches; lower --patch";
    private static final String TOO_FEW_PATCHES =
            "--patches-per-image %d cannot be shared by training and test regions; give 2 or more";

    private PatchSampler() {}

    /**
     * Where patches may start.
     *
     * @param x first column a patch may start at
     * @param y first row a patch may start at
     * @param columns number of starting columns
     * @param rows number of starting rows
     */
    record Region(int x, int y, int columns, int rows) {

        /** A random top-left corner {@code {x, y}} in this region. */
        int[] corner(Random random) {
            return new int[] {x + random.nextInt(columns), y + random.nextInt(rows)};
        }
    }

    /** The whole image, wrapping: every pixel may start a patch. */
    static Region whole(int height, int width) {
        return new Region(0, 0, width, height);
    }

    /** True when an image is large enough for a training and a test region of patches. */
    static boolean canSplit(int height, int width, int patch) {
        return Math.max(height, width) >= 2 * patch;
    }

    /**
     * A training and a test region of an image. The image is cut across its longer side (columns
     * when square) after {@code round(fraction × side)} pixels, moved as needed so that each region
     * holds at least one patch.
     *
     * @param name the image, for messages
     * @return the training region and the test region
     * @throws IllegalArgumentException when the longer side is shorter than two patches
     */
    static Region[] split(int height, int width, int patch, double fraction, String name) {
        boolean alongColumns = width >= height;
        int side = alongColumns ? width : height;
        if (side < 2 * patch) {
            throw new IllegalArgumentException(
                    String.format(TOO_SMALL, name, width, height, patch, patch));
        }
        int cut = Math.max(patch, Math.min(side - patch, (int) Math.round(fraction * side)));
        if (alongColumns) {
            return new Region[] {
                new Region(0, 0, cut - patch + 1, height),
                new Region(cut, 0, width - cut - patch + 1, height)
            };
        }
        return new Region[] {
            new Region(0, 0, width, cut - patch + 1),
            new Region(0, cut, width, height - cut - patch + 1)
        };
    }

    /**
     * How many of {@code perImage} patches go to training when one image serves both splits: {@code
     * round(fraction × perImage)}, but at least one and at most {@code perImage - 1}.
     */
    static int trainingShare(int perImage, double fraction) {
        if (perImage < 2) {
            throw new IllegalArgumentException(String.format(TOO_FEW_PATCHES, perImage));
        }
        return Math.max(1, Math.min(perImage - 1, (int) Math.round(fraction * perImage)));
    }
}
