package dev.aetransfer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads GIMP {@code .pat} patterns: a big-endian header (header size, version 1, width, height,
 * bytes per pixel from 1 to 4, the magic {@code GPAT}, a NUL-terminated UTF-8 name), then the
 * pixels row by row, interleaved: grey, grey and alpha, RGB, or RGBA. Alpha is dropped.
 */
final class GimpPatterns {

    /** Bytes of the fixed part of the header, before the name. */
    static final int FIXED_HEADER = 24;

    private static final byte[] MAGIC = "GPAT".getBytes(StandardCharsets.US_ASCII);

    private static final String TOO_SHORT =
            "cannot read pattern %s: %d bytes are too few for a pattern header of %d bytes";
    private static final String BYTES_PER_PIXEL =
            "cannot read pattern %s: %d bytes per pixel is not supported, expected 1 to 4";
    private static final String HEADER_SIZE =
            "cannot read pattern %s: header size %d is outside [%d, %d], the file's length";
    private static final String TOO_FEW_PIXELS =
            "cannot read pattern %s: header says %dx%d, %d bytes per pixel (%d bytes); file has %d";

    private GimpPatterns() {}

    /** The header of a pattern file, checked. */
    static PatternHeader header(Path file) {
        byte[] start = new byte[FIXED_HEADER];
        int read;
        long length;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, FIXED_HEADER);
            length = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read pattern %s", file), e);
        }
        if (read < FIXED_HEADER) {
            throw tooShort(file, read);
        }
        return check(file, ByteBuffer.wrap(start), length);
    }

    /** The pattern's pixels, one channel when grey and three when RGB. */
    static DecodedImage decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read pattern %s", file), e);
        }
        if (bytes.length < FIXED_HEADER) {
            throw tooShort(file, bytes.length);
        }
        PatternHeader header = check(file, ByteBuffer.wrap(bytes), bytes.length);
        return pixels(header, bytes);
    }

    private static IllegalArgumentException tooShort(Path file, int length) {
        return new IllegalArgumentException(String.format(TOO_SHORT, file, length, FIXED_HEADER));
    }

    private static PatternHeader check(Path file, ByteBuffer start, long fileLength) {
        long headerSize = Integer.toUnsignedLong(start.getInt());
        long version = Integer.toUnsignedLong(start.getInt());
        long width = Integer.toUnsignedLong(start.getInt());
        long height = Integer.toUnsignedLong(start.getInt());
        long bytesPerPixel = Integer.toUnsignedLong(start.getInt());
        byte[] magic = new byte[4];
        start.get(magic);

        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(
                    String.format(
                            "cannot read pattern %s: magic is \"%s\", expected \"GPAT\"",
                            file, printable(magic)));
        }
        if (version != 1) {
            throw new IllegalArgumentException(
                    String.format(
                            "cannot read pattern %s: version %d is not supported, expected 1",
                            file, version));
        }
        if (bytesPerPixel < 1 || bytesPerPixel > 4) {
            throw new IllegalArgumentException(String.format(BYTES_PER_PIXEL, file, bytesPerPixel));
        }
        if (width < 1 || height < 1 || width * height > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException(
                    String.format(
                            "cannot read pattern %s: size %dx%d is out of range",
                            file, width, height));
        }
        if (headerSize < FIXED_HEADER || headerSize > fileLength) {
            throw new IllegalArgumentException(
                    String.format(HEADER_SIZE, file, headerSize, FIXED_HEADER, fileLength));
        }
        long pixelBytes = width * height * bytesPerPixel;
        if (fileLength - headerSize < pixelBytes) {
            throw new IllegalArgumentException(
                    String.format(
                            TOO_FEW_PIXELS,
                            file,
                            width,
                            height,
                            bytesPerPixel,
                            pixelBytes,
                            fileLength - headerSize));
        }
        return new PatternHeader((int) headerSize, (int) width, (int) height, (int) bytesPerPixel);
    }

    private static DecodedImage pixels(PatternHeader header, byte[] bytes) {
        int area = header.width() * header.height();
        int stride = header.bytesPerPixel();
        int channels = stride <= 2 ? 1 : 3;
        byte[] out = new byte[channels * area];
        for (int i = 0; i < area; i++) {
            int from = header.headerSize() + i * stride;
            for (int c = 0; c < channels; c++) {
                out[c * area + i] = bytes[from + c];
            }
        }
        return new DecodedImage(channels, header.height(), header.width(), out);
    }

    private static String printable(byte[] magic) {
        StringBuilder text = new StringBuilder();
        for (byte b : magic) {
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        return text.toString();
    }

    /**
     * The fixed header of a pattern.
     *
     * @param headerSize bytes before the pixels, name included
     * @param bytesPerPixel 1 grey, 2 grey and alpha, 3 RGB, 4 RGBA
     */
    record PatternHeader(int headerSize, int width, int height, int bytesPerPixel) {

        boolean colour() {
            return bytesPerPixel >= 3;
        }
    }
}
