package dev.aetransfer.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG and BMP files with {@code javax.imageio}. The format is told by the file's
 * content, not its name. Alpha is dropped; grey images stay one channel, all else is read as sRGB.
 * A decoder warning (a JPEG that ends early, for one) counts as a corrupt file.
 */
final class ImageFiles {

    /** File name endings taken for images when a folder is listed. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp");

    private ImageFiles() {}

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The size and colour of an image, read from its header without decoding the pixels. */
    static ImageHeader header(Path file) {
        return withReader(
                file,
                reader -> {
                    int width = reader.getWidth(0);
                    int height = reader.getHeight(0);
                    ImageTypeSpecifier type = reader.getRawImageType(0);
                    boolean colour = type == null || hasColour(type.getColorModel());
                    return new ImageHeader(width, height, colour);
                });
    }

    /** The decoded image: one channel when it is grey, else three. */
    static DecodedImage decode(Path file) {
        List<String> warnings = new ArrayList<>();
        DecodedImage image =
                withReader(
                        file,
                        reader -> {
                            reader.addIIOReadWarningListener(collect(warnings));
                            return toDecoded(reader.read(0));
                        });
        if (!warnings.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format(
                            "cannot read image %s: truncated or corrupt (%s)",
                            file, warnings.get(0)));
        }
        return image;
    }

    private static IIOReadWarningListener collect(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    private interface ReaderAction<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, ReaderAction<T> action) {
        ImageInputStream in;
        try {
            in = ImageIO.createImageInputStream(file.toFile());
        } catch (IOException e) {
            throw corrupt(file, e);
        }
        if (in == null) {
            throw new IllegalArgumentException(
                    String.format("cannot read image %s: the file cannot be opened", file));
        }
        try (in) {
            return read(readerFor(in, file), in, action, file);
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    private static <T> T read(
            ImageReader reader, ImageInputStream in, ReaderAction<T> action, Path file) {
        try {
            reader.setInput(in, true, true);
            return action.apply(reader);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        } finally {
            reader.dispose();
        }
    }

    private static IllegalArgumentException corrupt(Path file, Exception e) {
        return new IllegalArgumentException(
                String.format("cannot read image %s: truncated or corrupt (%s)", file, reason(e)),
                e);
    }

    private static ImageReader readerFor(ImageInputStream in, Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (FORMATS.contains(format)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalArgumentException(
                String.format("cannot read image %s: not a PNG, JPEG or BMP file", file));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static boolean hasColour(ColorModel model) {
        if (model instanceof IndexColorModel palette) {
            for (int i = 0; i < palette.getMapSize(); i++) {
                int r = palette.getRed(i);
                if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                    return true;
                }
            }
            return false;
        }
        return model.getColorSpace().getType() != ColorSpace.TYPE_GRAY;
    }

    private static DecodedImage toDecoded(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int area = width * height;
        ColorModel model = image.getColorModel();

        if (!(model instanceof IndexColorModel) && !hasColour(model)) {
            // Read grey samples directly: getRGB would pass them through a gamma curve.
            Raster raster = image.getRaster();
            int bits = raster.getSampleModel().getSampleSize(0);
            int[] samples = raster.getSamples(0, 0, width, height, 0, new int[area]);
            byte[] grey = new byte[area];
            int max = (1 << bits) - 1;
            for (int i = 0; i < area; i++) {
                grey[i] = (byte) Math.round(samples[i] * 255.0 / max);
            }
            return new DecodedImage(1, height, width, grey);
        }

        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] rgb = new byte[3 * area];
        for (int i = 0; i < area; i++) {
            rgb[i] = (byte) (argb[i] >> 16);
            rgb[area + i] = (byte) (argb[i] >> 8);
            rgb[2 * area + i] = (byte) argb[i];
        }
        return new DecodedImage(3, height, width, rgb);
    }

    /**
     * What an image's header says.
     *
     * @param colour false when the image is grey (or its palette holds only greys)
     */
    record ImageHeader(int width, int height, boolean colour) {}
}
