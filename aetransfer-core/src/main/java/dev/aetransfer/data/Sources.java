package dev.aetransfer.data;

import dev.aetransfer.data.textures.Textures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Tells what kind of source a {@code --data} text names, and opens it. */
final class Sources {

    /** The scheme of the built-in textures. */
    static final String TEXTURES = "textures:";

    private static final String UNKNOWN_FORMAT =
            "cannot tell the format of %s: not a folder, idx3-ubyte, .pat, .csv, .npy or image";
    private static final String LABELS_FILE_GIVEN =
            "%s is an IDX labels file; give the images file beside it (idx3-ubyte) instead";
    private static final String IDX_FILES_IN_FOLDER =
            "folder %s holds %d IDX images files (%s); expected one, or a train and a t10k pair";
    private static final String LABELS_BEYOND_TRAINING =
            "IDX file %s has labels up to %d, beyond the training file's classes 0 to %d";

    private Sources() {}

    /** A source: image files still to decode, or samples already decoded. */
    sealed interface Source permits Images, Decoded {

        List<String> classNames();

        /** True when the source says which samples are for training and which for testing. */
        boolean fixedSplit();

        /** What the source is, for notes, e.g. {@code IDX files}. */
        String kind();

        String origin();
    }

    /** Image files: folders of images, GIMP patterns, one image. */
    record Images(ImageCatalogue catalogue) implements Source {

        @Override
        public List<String> classNames() {
            return catalogue.classNames();
        }

        @Override
        public boolean fixedSplit() {
            return catalogue.fixedSplit();
        }

        @Override
        public String kind() {
            return catalogue.kind();
        }

        @Override
        public String origin() {
            return catalogue.origin();
        }
    }

    /**
     * Decoded samples: IDX, CSV, NPY, textures. Either {@code all} is set, or {@code train} and
     * {@code test} are, with the same class names.
     */
    record Decoded(SampleSet all, SampleSet train, SampleSet test, String kind, String origin)
            implements Source {

        static Decoded of(SampleSet all, String kind, String origin) {
            return new Decoded(all, null, null, kind, origin);
        }

        @Override
        public List<String> classNames() {
            return all != null ? all.classNames() : train.classNames();
        }

        @Override
        public boolean fixedSplit() {
            return all == null;
        }

        /** A set with the source's shape and storage. */
        SampleSet any() {
            return all != null ? all : train;
        }
    }

    /**
     * Opens a source.
     *
     * @param spec a path, or {@code textures:SPEC}
     * @param seed seed of generated sources
     */
    static Source open(String spec, long seed, MemoryBudget budget) {
        if (spec.startsWith(TEXTURES)) {
            SampleSet textures = Textures.generate(spec.substring(TEXTURES.length()), seed);
            return Decoded.of(textures, "built-in textures", spec);
        }
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(
                    String.format("cannot read data from %s: no such file or folder", spec));
        }
        if (Files.isDirectory(path)) {
            return openFolder(path, budget);
        }

        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (IdxFiles.isImagesFile(path)) {
            return Decoded.of(IdxFiles.read(path, budget), "IDX file", spec);
        }
        if (IdxFiles.isLabelsFile(path)) {
            throw new IllegalArgumentException(String.format(LABELS_FILE_GIVEN, spec));
        }
        if (name.endsWith(".pat")) {
            return new Images(ImageFolders.patterns(path));
        }
        if (name.endsWith(".csv")) {
            return Decoded.of(CsvVectors.read(path, budget), "CSV file", spec);
        }
        if (name.endsWith(".npy")) {
            return Decoded.of(NpyArrays.read(path, budget), "NPY file", spec);
        }
        if (ImageFiles.hasImageExtension(path)) {
            return new Images(ImageFolders.image(path));
        }
        throw new IllegalArgumentException(String.format(UNKNOWN_FORMAT, spec));
    }

    private static Source openFolder(Path folder, MemoryBudget budget) {
        List<Path> idx;
        try (Stream<Path> files = Files.list(folder)) {
            idx = files.filter(IdxFiles::isImagesFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot list folder %s", folder), e);
        }
        if (idx.size() == 1) {
            return Decoded.of(IdxFiles.read(idx.get(0), budget), "IDX file", idx.get(0).toString());
        }
        if (!idx.isEmpty()) {
            Path train = startingWith(idx, "train");
            Path test = startingWith(idx, "t10k");
            if (idx.size() != 2 || train == null || test == null) {
                throw new IllegalArgumentException(
                        String.format(
                                IDX_FILES_IN_FOLDER,
                                folder,
                                idx.size(),
                                idx.stream()
                                        .map(p -> p.getFileName().toString())
                                        .collect(Collectors.joining(", "))));
            }
            SampleSet trainSet = IdxFiles.read(train, budget);
            SampleSet testSet = IdxFiles.read(test, budget);
            if (!trainSet.classNames().equals(testSet.classNames())
                    && trainSet.labelled()
                    && testSet.labelled()) {
                testSet = withClassNames(testSet, trainSet, test);
            }
            return new Decoded(
                    null, trainSet, testSet, "IDX files (train and t10k)", folder.toString());
        }
        if (ImageFolders.holdsPatterns(folder)) {
            return new Images(ImageFolders.patterns(folder));
        }
        return new Images(ImageFolders.images(folder));
    }

    /** A t10k set whose largest label is smaller than train's gets train's class names. */
    private static SampleSet withClassNames(SampleSet test, SampleSet train, Path file) {
        if (test.classNames().size() > train.classNames().size()) {
            throw new IllegalArgumentException(
                    String.format(
                            LABELS_BEYOND_TRAINING,
                            file,
                            test.classNames().size() - 1,
                            train.classNames().size() - 1));
        }
        int[] all = new int[test.size()];
        Arrays.setAll(all, i -> i);
        return SubsetSampleSet.relabelled(test, all, Splits.labels(test), train.classNames());
    }

    private static Path startingWith(List<Path> files, String prefix) {
        return files.stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElse(null);
    }
}
