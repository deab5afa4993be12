package dev.aetransfer.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Small data files in every format the data package reads, written for tests. */
public final class DataFixtures {

    private DataFixtures() {}

    /** A grey image whose every pixel is {@code value}. */
    public static BufferedImage grey(int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return image;
    }

    /** An RGB image whose every pixel is {@code 0xRRGGBB}. */
    public static BufferedImage rgb(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** Writes an image as {@code format} ({@code png}, {@code jpeg}, {@code bmp}), folders made. */
    public static Path write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException(String.format("no writer for %s", format));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Writes {@code count} grey PNGs of {@code size × size} per class into {@code root/CLASS/},
     * class {@code c} image {@code i} filled with the value {@code 10 × c + i}.
     */
    public static Path imageFolder(Path root, int size, int count, String... classes) {
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < count; i++) {
                Path file = root.resolve(classes[c]).resolve(String.format("%02d.png", i));
                write(grey(size, size, 10 * c + i), "png", file);
            }
        }
        return root;
    }

    /**
     * Writes an IDX images file and its labels file beside it.
     *
     * @param images the images file, e.g. {@code train-images-idx3-ubyte.gz}; gzipped when its name
     *     ends with {@code .gz}
     * @param pixels {@code count × rows × columns} values
     */
    public static Path idx(Path images, int rows, int columns, byte[] pixels, byte[] labels) {
        int count = pixels.length / (rows * columns);
        ByteArrayOutputStream imageBytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(imageBytes)) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            out.write(pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeMaybeGzipped(images, imageBytes.toByteArray());
        if (labels != null) {
            String name = images.getFileName().toString();
            Path labelFile =
                    images.resolveSibling(name.replace("images", "labels").replace("idx3", "idx1"));
            writeMaybeGzipped(labelFile, idxLabels(labels));
        }
        return images;
    }

    /** The bytes of an IDX labels file. */
    public static byte[] idxLabels(byte[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(0x00000801).putInt(labels.length).put(labels);
        return buffer.array();
    }

    /** Writes {@code bytes}, gzipped when the file name ends with {@code .gz}. */
    public static void writeMaybeGzipped(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                if (file.getFileName().toString().endsWith(".gz")) {
                    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                        gz.write(bytes);
                    }
                } else {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes of a GIMP pattern.
     *
     * @param pixels {@code height × width × bytesPerPixel} values, interleaved
     */
    public static byte[] pattern(int width, int height, int bytesPerPixel, byte[] pixels) {
        byte[] name = "Test pattern\0".getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(24 + name.length + pixels.length);
        buffer.putInt(24 + name.length).putInt(1).putInt(width).putInt(height);
        buffer.putInt(bytesPerPixel).put("GPAT".getBytes(StandardCharsets.US_ASCII));
        buffer.put(name).put(pixels);
        return buffer.array();
    }

    /** Writes a pattern whose every byte of pixel data is {@code value}; folders made. */
    public static Path pattern(Path file, int width, int height, int bytesPerPixel, int value) {
        byte[] pixels = new byte[width * height * bytesPerPixel];
        Arrays.fill(pixels, (byte) value);
        writeMaybeGzipped(file, pattern(width, height, bytesPerPixel, pixels));
        return file;
    }

    /**
     * Writes an NPY file (format 1.0).
     *
     * @param descr the dtype, e.g. {@code <f4}
     * @param data the array's bytes in C order
     */
    public static Path npy(Path file, String descr, long[] shape, byte[] data) {
        String dims =
                Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        String dict =
                String.format(
                        "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", descr, dims);
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + data.length);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        buffer.put((byte) 1).put((byte) 0);
        buffer.order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        writeMaybeGzipped(file, buffer.array());
        return file;
    }

    /** Little-endian float32 bytes of {@code values}. */
    public static byte[] float32(float... values) {
        ByteBuffer buffer =
                ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /** Little-endian float64 bytes of {@code values}. */
    public static byte[] float64(double... values) {
        ByteBuffer buffer =
                ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    /** Writes text, folders made. */
    public static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
