package dev.aetransfer.data;

/**
 * Resizes 8-bit images one axis at a time: an axis that shrinks averages the source pixels each
 * output pixel covers, weighted by how much of them it covers (area averaging, so no aliasing); an
 * axis that grows interpolates linearly between pixel centres.
 *
 * <p>It works on the raw values rather than through Java 2D, which would convert grey images
 * through a linear colour space and change their values.
 */
final class Resampler {

    private Resampler() {}

    static DecodedImage resize(DecodedImage image, int height, int width) {
        if (height == image.height() && width == image.width()) {
            return image;
        }
        Axis columns = Axis.of(image.width(), width);
        Axis rows = Axis.of(image.height(), height);
        int channels = image.channels();
        byte[] src = image.pixels();
        byte[] out = new byte[channels * height * width];
        float[] across = new float[image.height() * width];

        for (int c = 0; c < channels; c++) {
            int plane = c * image.height() * image.width();
            for (int y = 0; y < image.height(); y++) {
                int rowStart = plane + y * image.width();
                for (int x = 0; x < width; x++) {
                    float sum = 0;
                    for (int k = 0; k < columns.taps[x].length; k++) {
                        sum += columns.weights[x][k] * (src[rowStart + columns.taps[x][k]] & 0xFF);
                    }
                    across[y * width + x] = sum;
                }
            }

            int outPlane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float sum = 0;
                    for (int k = 0; k < rows.taps[y].length; k++) {
                        sum += rows.weights[y][k] * across[rows.taps[y][k] * width + x];
                    }
                    out[outPlane + y * width + x] =
                            (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return new DecodedImage(channels, height, width, out);
    }

    /** For each output pixel of one axis, the source pixels it reads and their weights. */
    private static final class Axis {

        final int[][] taps;
        final float[][] weights;

        private Axis(int outLength) {
            taps = new int[outLength][];
            weights = new float[outLength][];
        }

        static Axis of(int inLength, int outLength) {
            Axis axis = new Axis(outLength);
            double scale = (double) inLength / outLength;
            for (int o = 0; o < outLength; o++) {
                if (scale >= 1) {
                    axis.average(o, o * scale, Math.min(inLength, (o + 1) * scale), scale);
                } else {
                    axis.interpolate(o, (o + 0.5) * scale - 0.5, inLength);
                }
            }
            return axis;
        }

        /** Output pixel {@code o} averages source span {@code [from, to)}. */
        private void average(int o, double from, double to, double span) {
            int first = (int) Math.floor(from);
            int last = Math.max(first, (int) Math.ceil(to) - 1);
            int n = last - first + 1;
            taps[o] = new int[n];
            weights[o] = new float[n];
            for (int k = 0; k < n; k++) {
                int i = first + k;
                double covered = Math.min(to, i + 1) - Math.max(from, i);
                taps[o][k] = i;
                weights[o][k] = (float) (covered / span);
            }
        }

        /** Output pixel {@code o} sits at source position {@code at}, between two centres. */
        private void interpolate(int o, double at, int inLength) {
            int left = (int) Math.floor(at);
            double t = at - left;
            taps[o] = new int[] {clamp(left, inLength), clamp(left + 1, inLength)};
            weights[o] = new float[] {(float) (1 - t), (float) t};
        }

        private static int clamp(int i, int length) {
            return Math.max(0, Math.min(length - 1, i));
        }
    }
}
