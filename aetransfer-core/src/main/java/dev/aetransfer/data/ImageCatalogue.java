package dev.aetransfer.data;

import dev.aetransfer.data.ImageFiles.ImageHeader;
import java.nio.file.Path;
import java.util.List;

/**
 * The image files of a source, listed but not yet decoded: an image folder, a GIMP pattern or a
 * folder of patterns, or one image file.
 *
 * @param entries every file, in a fixed order
 * @param classNames class names indexed by label; empty when unlabelled
 * @param fixedSplit true when the layout says which files are for training and which for testing
 * @param kind what the source is, for notes, e.g. {@code image folder}
 * @param origin the path given, for messages
 */
record ImageCatalogue(
        List<Entry> entries,
        List<String> classNames,
        boolean fixedSplit,
        String kind,
        String origin) {

    ImageCatalogue {
        entries = List.copyOf(entries);
        classNames = List.copyOf(classNames);
    }

    /** Which split a file belongs to. */
    enum Role {
        /** Not fixed by the source; a split decides. */
        ANY,
        TRAIN,
        TEST
    }

    /** How a file is read. */
    enum Format {
        IMAGE {
            @Override
            ImageHeader header(Path file) {
                return ImageFiles.header(file);
            }

            @Override
            DecodedImage decode(Path file) {
                return ImageFiles.decode(file);
            }
        },
        PATTERN {
            @Override
            ImageHeader header(Path file) {
                GimpPatterns.PatternHeader header = GimpPatterns.header(file);
                return new ImageHeader(header.width(), header.height(), header.colour());
            }

            @Override
            DecodedImage decode(Path file) {
                return GimpPatterns.decode(file);
            }
        };

        abstract ImageHeader header(Path file);

        abstract DecodedImage decode(Path file);
    }

    /**
     * One file.
     *
     * @param label its class, or -1 when the source is unlabelled
     */
    record Entry(Path file, Format format, int label, Role role) {

        Entry withLabel(int newLabel, Role newRole) {
            return new Entry(file, format, newLabel, newRole);
        }
    }
}
