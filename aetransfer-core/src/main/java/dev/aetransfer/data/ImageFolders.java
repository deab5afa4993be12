package dev.aetransfer.data;

import dev.aetransfer.data.ImageCatalogue.Entry;
import dev.aetransfer.data.ImageCatalogue.Format;
import dev.aetransfer.data.ImageCatalogue.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files of image sources. An image folder holds one subfolder per class, or the images
 * themselves (unlabelled), or a {@code train/} and a {@code test/} folder each laid out either way.
 * A pattern folder holds {@code .pat} files at any depth; each pattern is its own class, named by
 * its path below the folder without {@code .pat}, e.g. {@code Wood/burlwood}. Names starting with a
 * dot are ignored; files and classes are sorted by name.
 */
final class ImageFolders {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolders.class);
    private static final String PATTERN_SUFFIX = ".pat";

    private static final String MIXED_LAYOUTS =
            "image folder %s: %s and %s must both have class subfolders or both hold images";
    private static final String UNKNOWN_TEST_CLASS =
            "image folder %s: test class \"%s\" has no folder in %s, whose classes are %s";
    private static final String NO_IMAGES =
            "folder %s holds no PNG, JPEG or BMP images, nor one subfolder of them per class";
    private static final String IMAGES_BESIDE_CLASSES =
            "folder %s holds images (%s) and class folders (%s); put each image in a class folder";
    private static final String IGNORED_ENTRIES =
            "ignoring {} entries of {} that are not .png, .jpg, .jpeg or .bmp files, e.g. {}";

    private ImageFolders() {}

    /** An image folder, with or without classes, with or without train and test folders. */
    static ImageCatalogue images(Path root) {
        Path train = root.resolve("train");
        Path test = root.resolve("test");
        if (!Files.isDirectory(train) || !Files.isDirectory(test)) {
            Layout layout = layout(root);
            return new ImageCatalogue(
                    layout.entries(Role.ANY),
                    layout.classNames,
                    false,
                    "image folder",
                    root.toString());
        }

        Layout trainLayout = layout(train);
        Layout testLayout = layout(test);
        if (trainLayout.classNames.isEmpty() != testLayout.classNames.isEmpty()) {
            throw new IllegalArgumentException(String.format(MIXED_LAYOUTS, root, train, test));
        }
        List<Entry> entries = new ArrayList<>(trainLayout.entries(Role.TRAIN));
        for (Entry entry : testLayout.entries(Role.TEST)) {
            int label = -1;
            if (entry.label() >= 0) {
                String name = testLayout.classNames.get(entry.label());
                label = trainLayout.classNames.indexOf(name);
                if (label < 0) {
                    throw new IllegalArgumentException(
                            String.format(
                                    UNKNOWN_TEST_CLASS,
                                    root,
                                    name,
                                    train,
                                    String.join(", ", trainLayout.classNames)));
                }
            }
            entries.add(entry.withLabel(label, Role.TEST));
        }
        return new ImageCatalogue(
                entries,
                trainLayout.classNames,
                true,
                "image folder with train/ and test/",
                root.toString());
    }

    /** One image file: an unlabelled source of one image. */
    static ImageCatalogue image(Path file) {
        return new ImageCatalogue(
                List.of(new Entry(file, Format.IMAGE, -1, Role.ANY)),
                List.of(),
                false,
                "image file",
                file.toString());
    }

    /** True when {@code folder} holds a {@code .pat} file at any depth. */
    static boolean holdsPatterns(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(ImageFolders::isPattern);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot list folder %s", folder), e);
        }
    }

    /** A pattern file, or a folder of them; each pattern is one class. */
    static ImageCatalogue patterns(Path path) {
        if (!Files.isDirectory(path)) {
            String name = path.getFileName().toString();
            String className = name.substring(0, name.length() - PATTERN_SUFFIX.length());
            return new ImageCatalogue(
                    List.of(new Entry(path, Format.PATTERN, 0, Role.ANY)),
                    List.of(className),
                    false,
                    "GIMP pattern",
                    path.toString());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(ImageFolders::isPattern).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot list folder %s", path), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format("folder %s holds no GIMP .pat patterns", path));
        }
        List<Entry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String relative = path.relativize(file).toString().replace('\\', '/');
            names.add(relative.substring(0, relative.length() - PATTERN_SUFFIX.length()));
            entries.add(new Entry(file, Format.PATTERN, entries.size(), Role.ANY));
        }
        return new ImageCatalogue(entries, names, false, "GIMP pattern folder", path.toString());
    }

    private static boolean isPattern(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".")
                && name.toLowerCase(Locale.ROOT).endsWith(PATTERN_SUFFIX)
                && Files.isRegularFile(file);
    }

    /** The images of one folder: in class subfolders, or directly inside it. */
    private static Layout layout(Path folder) {
        Listing top = list(folder);
        Layout layout = new Layout();
        int ignored = top.others.size();
        Path example = top.others.isEmpty() ? null : top.others.get(0);

        if (top.folders.isEmpty()) {
            if (top.images.isEmpty()) {
                throw new IllegalArgumentException(String.format(NO_IMAGES, folder));
            }
            top.images.forEach(
                    file -> layout.files.add(new Entry(file, Format.IMAGE, -1, Role.ANY)));
        } else {
            if (!top.images.isEmpty()) {
                throw new IllegalArgumentException(
                        String.format(
                                IMAGES_BESIDE_CLASSES,
                                folder,
                                top.images.get(0).getFileName(),
                                top.folders.get(0).getFileName()));
            }
            for (Path classFolder : top.folders) {
                Listing inside = list(classFolder);
                if (inside.images.isEmpty()) {
                    throw new IllegalArgumentException(
                            String.format(
                                    "class folder %s holds no PNG, JPEG or BMP images",
                                    classFolder));
                }
                int label = layout.classNames.size();
                layout.classNames.add(classFolder.getFileName().toString());
                inside.images.forEach(
                        file -> layout.files.add(new Entry(file, Format.IMAGE, label, Role.ANY)));
                ignored += inside.others.size() + inside.folders.size();
                if (example == null && !inside.others.isEmpty()) {
                    example = inside.others.get(0);
                }
            }
        }
        if (ignored > 0) {
            LOG.warn(
                    IGNORED_ENTRIES,
                    ignored,
                    folder,
                    example == null ? "a nested folder" : example);
        }
        return layout;
    }

    private static Listing list(Path folder) {
        Listing listing = new Listing();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                if (child.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    listing.folders.add(child);
                } else if (ImageFiles.hasImageExtension(child)) {
                    listing.images.add(child);
                } else {
                    listing.others.add(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot list folder %s", folder), e);
        }
        return listing;
    }

    private static final class Listing {
        final List<Path> folders = new ArrayList<>();
        final List<Path> images = new ArrayList<>();
        final List<Path> others = new ArrayList<>();
    }

    private static final class Layout {
        final List<Entry> files = new ArrayList<>();
        final List<String> classNames = new ArrayList<>();

        List<Entry> entries(Role role) {
            return files.stream().map(e -> e.withLabel(e.label(), role)).toList();
        }
    }
}
