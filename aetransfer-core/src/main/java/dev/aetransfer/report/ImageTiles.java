package dev.aetransfer.report;

import dev.aetransfer.data.SampleShape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small images as PNG tiles for the reconstruction grid. */
final class ImageTiles {

    /** Tiles are enlarged by a whole factor until their longer side reaches this many pixels. */
    static final int TARGET_SIDE = 64;

    private ImageTiles() {}

    /**
     * {@code values} ({@code C×H×W}, in [0, 1], clipped) as a PNG enlarged by nearest neighbour:
     * three channels as RGB, any other count as the grey mean of the channels.
     */
    static byte[] png(float[] values, SampleShape shape) {
        int height = shape.height();
        int width = shape.width();
        int scale = Math.max(1, TARGET_SIDE / Math.max(height, width));
        int plane = height * width;
        BufferedImage image =
                new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb;
                if (shape.channels() == 3) {
                    rgb =
                            byteOf(values[y * width + x]) << 16
                                    | byteOf(values[plane + y * width + x]) << 8
                                    | byteOf(values[2 * plane + y * width + x]);
                } else {
                    float sum = 0;
                    for (int c = 0; c < shape.channels(); c++) {
                        sum += values[c * plane + y * width + x];
                    }
                    int grey = byteOf(sum / shape.channels());
                    rgb = grey << 16 | grey << 8 | grey;
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image tile as PNG", e);
        }
        return out.toByteArray();
    }

    private static int byteOf(float value) {
        float clipped = Float.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return Math.round(clipped * 255);
    }
}
