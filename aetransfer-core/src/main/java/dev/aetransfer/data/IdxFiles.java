package dev.aetransfer.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not: an images file of
 * unsigned bytes ({@code count × rows × columns}, magic {@code 0x00000803}) and, beside it, a
 * labels file ({@code count} unsigned bytes, magic {@code 0x00000801}) named like it with {@code
 * labels} and {@code idx1} for {@code images} and {@code idx3}.
 */
final class IdxFiles {

    /** The class names of Fashion-MNIST, indexed by label. */
    static final List<String> FASHION_MNIST_CLASSES =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");

    private static final Logger LOG = LoggerFactory.getLogger(IdxFiles.class);
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private static final String NOT_IMAGES =
            "IDX file %s: magic number 0x%08X is not 0x%08X (unsigned-byte images)";
    private static final String NOT_LABELS =
            "IDX file %s: magic number 0x%08X is not 0x%08X (unsigned-byte labels)";
    private static final String COUNTS_DIFFER =
            "IDX labels file %s holds %d labels but images file %s holds %d images";
    private static final String LABELS_TRUNCATED =
            "IDX labels file %s: truncated before the %d labels its header promises";

    private IdxFiles() {}

    /** True for a file named like an IDX images file, e.g. {@code train-images-idx3-ubyte.gz}. */
    static boolean isImagesFile(Path file) {
        return name(file).contains("idx3-ubyte");
    }

    /** True for a file named like an IDX labels file, e.g. {@code t10k-labels-idx1-ubyte}. */
    static boolean isLabelsFile(Path file) {
        return name(file).contains("idx1-ubyte");
    }

    /** The labels file beside an images file, gzipped or not, if there is one. */
    static Optional<Path> labelsFileFor(Path images) {
        String name = images.getFileName().toString();
        String labels = name.replace("images", "labels").replace("idx3", "idx1");
        String plain = labels.endsWith(".gz") ? labels.substring(0, labels.length() - 3) : labels;
        for (String candidate : List.of(labels, plain, plain + ".gz")) {
            Path path = images.resolveSibling(candidate);
            if (!candidate.equals(name) && Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads an images file and the labels file beside it. Without a labels file the images are
     * unlabelled. Class names are Fashion-MNIST's when the file's or its folder's name says
     * fashion-mnist, otherwise the label numbers {@code "0"} to the largest label.
     */
    static SampleSet read(Path images, MemoryBudget budget) {
        Optional<Path> labelsFile = labelsFileFor(images);
        byte[] labels = labelsFile.map(IdxFiles::readLabels).orElse(null);
        if (labelsFile.isEmpty()) {
            LOG.warn(
                    "no labels file beside {} (looked for {}); its images are read unlabelled",
                    images,
                    name(images).replace("images", "labels").replace("idx3", "idx1"));
        }

        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IllegalArgumentException(
                        String.format(NOT_IMAGES, images, magic, IMAGES_MAGIC));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            if (count < 0 || rows < 1 || columns < 1 || (long) rows * columns > 1 << 24) {
                throw new IllegalArgumentException(
                        String.format(
                                "IDX file %s: dimensions %d x %d x %d are out of range",
                                images, count, rows, columns));
            }
            if (labels != null && labels.length != count) {
                throw new IllegalArgumentException(
                        String.format(
                                COUNTS_DIFFER, labelsFile.get(), labels.length, images, count));
            }
            List<String> classNames = labels == null ? List.of() : classNames(images, labels);

            SampleLayout layout =
                    new SampleLayout(new SampleShape(1, rows, columns), SampleStorage.UINT8);
            SampleBuffer buffer = new SampleBuffer(layout, count, budget, images.toString());
            byte[] image = new byte[rows * columns];
            for (int i = 0; i < count; i++) {
                readImage(in, image, images, i, count);
                buffer.add(image, labels == null ? -1 : labels[i] & 0xFF);
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(
                        String.format(
                                "IDX file %s: holds more data than its header's %d images of %dx%d",
                                images, count, columns, rows));
            }
            return buffer.finish(classNames);
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    String.format("IDX file %s: truncated inside its 16-byte header", images), e);
        } catch (ZipException e) {
            throw corruptGzip(images, e);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read IDX file %s", images), e);
        }
    }

    private static void readImage(DataInputStream in, byte[] image, Path file, int i, int count)
            throws IOException {
        int read;
        try {
            read = in.readNBytes(image, 0, image.length);
        } catch (EOFException e) {
            read = -1;
        }
        if (read < image.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "IDX file %s: truncated in image %d of the %d its header promises",
                            file, i, count));
        }
    }

    private static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IllegalArgumentException(
                        String.format(NOT_LABELS, file, magic, LABELS_MAGIC));
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IllegalArgumentException(
                        String.format("IDX file %s: label count %d is negative", file, count));
            }
            byte[] labels;
            try {
                labels = in.readNBytes(count);
            } catch (EOFException e) {
                labels = new byte[0];
            }
            if (labels.length < count) {
                throw new IllegalArgumentException(String.format(LABELS_TRUNCATED, file, count));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(
                        String.format(
                                "IDX labels file %s: holds more data than its header's %d labels",
                                file, count));
            }
            return labels;
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    String.format("IDX file %s: truncated inside its 8-byte header", file), e);
        } catch (ZipException e) {
            throw corruptGzip(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read IDX file %s", file), e);
        }
    }

    private static IllegalArgumentException corruptGzip(Path file, ZipException e) {
        return new IllegalArgumentException(
                String.format("IDX file %s: corrupt gzip data (%s)", file, e.getMessage()), e);
    }

    private static List<String> classNames(Path images, byte[] labels) {
        int largest = -1;
        for (byte label : labels) {
            largest = Math.max(largest, label & 0xFF);
        }
        if (isFashionMnist(images)) {
            if (largest >= FASHION_MNIST_CLASSES.size()) {
                throw new IllegalArgumentException(
                        String.format(
                                "IDX file %s: label %d is not a Fashion-MNIST class (0 to 9)",
                                images, largest));
            }
            return FASHION_MNIST_CLASSES;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= largest; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** True when the file's or its folder's name says fashion-mnist (any case, - or _). */
    static boolean isFashionMnist(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String names = name(file) + " " + (folder == null ? "" : name(folder));
        return names.replace("_", "-").contains("fashion-mnist");
    }

    private static String name(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1F && second == 0x8B) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return new DataInputStream(in);
    }
}
