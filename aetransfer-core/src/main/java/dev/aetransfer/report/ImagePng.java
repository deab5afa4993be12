package dev.aetransfer.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Encodes images as PNG bytes, for embedding in the report. */
final class ImagePng {

    private ImagePng() {}

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer is installed in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image as PNG", e);
        }
        return out.toByteArray();
    }
}
