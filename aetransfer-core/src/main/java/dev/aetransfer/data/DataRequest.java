package dev.aetransfer.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What data to load and how: the source, the held-out split, class selection, resizing, patches and
 * the memory budget. Build one with {@link #builder()}; {@link DataLoader#load} turns it into a
 * {@link TrainTestSplit}. Immutable.
 */
public final class DataRequest {

    /** Patches cut from each image when {@link Builder#optPatchesPerImage} is not given. */
    public static final int DEFAULT_PATCHES_PER_IMAGE = 16;

    /** Training fraction when no split is given and the source does not fix one. */
    public static final double DEFAULT_SPLIT = 0.8;

    /** Seed when {@link Builder#optSeed} is not given. */
    public static final long DEFAULT_SEED = 42;

    private final String source;
    private final String testSource;
    private final Double split;
    private final List<String> classes;
    private final Integer perClass;
    private final Integer patch;
    private final int patchesPerImage;
    private final Integer channels;
    private final Integer size;
    private final BadInputPolicy onBadInput;
    private final long seed;
    private final long memoryBudget;

    private DataRequest(Builder builder) {
        source = builder.source;
        testSource = builder.testSource;
        split = builder.split;
        classes = List.copyOf(builder.classes);
        perClass = builder.perClass;
        patch = builder.patch;
        patchesPerImage = builder.patchesPerImage;
        channels = builder.channels;
        size = builder.size;
        onBadInput = builder.onBadInput;
        seed = builder.seed;
        memoryBudget = builder.memoryBudget;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data source: a path, or {@code textures:SPEC} for the built-in textures. */
    public String source() {
        return source;
    }

    /** A second source that serves as the held-out split, if given. */
    public Optional<String> testSource() {
        return Optional.ofNullable(testSource);
    }

    /** The training fraction of a stratified split, if given. */
    public OptionalDouble split() {
        return split == null ? OptionalDouble.empty() : OptionalDouble.of(split);
    }

    /** Classes to keep, as names or label numbers; empty keeps every class. */
    public List<String> classes() {
        return classes;
    }

    /** The number of training examples kept of each class, if given. */
    public OptionalInt perClass() {
        return optional(perClass);
    }

    /** The side of the square patches cut from each image, if given. */
    public OptionalInt patch() {
        return optional(patch);
    }

    /** Patches cut from each image when {@link #patch()} is given. */
    public int patchesPerImage() {
        return patchesPerImage;
    }

    /** 1 (grey) or 3 (RGB), if given; otherwise 3 when any image has colour, else 1. */
    public OptionalInt channels() {
        return optional(channels);
    }

    /** The side images are resized and centre-cropped to, if given. */
    public OptionalInt size() {
        return optional(size);
    }

    public BadInputPolicy onBadInput() {
        return onBadInput;
    }

    /** Seed of every random choice: splits, per-class selection and patch positions. */
    public long seed() {
        return seed;
    }

    /** Bytes of sample values held in memory; larger data streams from a cache file. */
    public long memoryBudget() {
        return memoryBudget;
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /**
     * Builds a {@link DataRequest}: {@code set} for the required source, {@code opt} for the rest.
     */
    public static final class Builder {

        private String source;
        private String testSource;
        private Double split;
        private List<String> classes = List.of();
        private Integer perClass;
        private Integer patch;
        private int patchesPerImage = DEFAULT_PATCHES_PER_IMAGE;
        private Integer channels;
        private Integer size;
        private BadInputPolicy onBadInput = BadInputPolicy.FAIL;
        private long seed = DEFAULT_SEED;
        private long memoryBudget = Runtime.getRuntime().maxMemory() / 4;

        private Builder() {}

        /**
         * Sets the source: a folder of images (one subfolder per class gives labels; {@code train/}
         * and {@code test/} subfolders fix the split), an IDX images file or a folder holding a
         * train and a t10k pair, a GIMP {@code .pat} file or a folder of them, a CSV or NPY file,
         * or {@code textures:SPEC}.
         */
        public Builder setSource(String source) {
            this.source = source;
            return this;
        }

        /** Takes the held-out split from a second source; its classes are matched by name. */
        public Builder optTestSource(String testSource) {
            this.testSource = testSource;
            return this;
        }

        /** Training fraction in (0, 1) of a stratified split; default 0.8. */
        public Builder optSplit(double split) {
            this.split = split;
            return this;
        }

        /** Keeps only these classes, given as names or label numbers, in both splits. */
        public Builder optClasses(List<String> classes) {
            this.classes = List.copyOf(classes);
            return this;
        }

        /** Keeps this many training examples of each class, chosen at random (seeded). */
        public Builder optPerClass(int perClass) {
            this.perClass = perClass;
            return this;
        }

        /** Cuts random {@code patch × patch} crops from each image, wrapping around the edges. */
        public Builder optPatch(int patch) {
            this.patch = patch;
            return this;
        }

        /** Patches cut from each image; default 16. */
        public Builder optPatchesPerImage(int patchesPerImage) {
            this.patchesPerImage = patchesPerImage;
            return this;
        }

        /** 1 for grey, 3 for RGB; by default 3 when any image has colour, else 1. */
        public Builder optChannels(int channels) {
            this.channels = channels;
            return this;
        }

        /** Resizes each image's shorter side to {@code size}, then centre-crops it square. */
        public Builder optSize(int size) {
            this.size = size;
            return this;
        }

        /** What to do with an unreadable file; default {@link BadInputPolicy#FAIL}. */
        public Builder optOnBadInput(BadInputPolicy onBadInput) {
            this.onBadInput = Objects.requireNonNull(onBadInput, "onBadInput");
            return this;
        }

        /** Seed of every random choice; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Bytes of sample values to hold in memory; default a quarter of the maximum heap. */
        public Builder optMemoryBudget(long bytes) {
            this.memoryBudget = bytes;
            return this;
        }

        /** Checks every range and builds the request. */
        public DataRequest build() {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a data source is required, got none");
            }
            if (testSource != null && testSource.isBlank()) {
                throw new IllegalArgumentException("the test data source is blank");
            }
            if (split != null && !(split > 0 && split < 1)) {
                throw new IllegalArgumentException(
                        String.format("split must be between 0 and 1 (exclusive), got %s", split));
            }
            if (split != null && testSource != null) {
                throw new IllegalArgumentException("give either --split or --test-data, not both");
            }
            requirePositive("per-class", perClass);
            requirePositive("patch", patch);
            requirePositive("patches-per-image", patchesPerImage);
            requirePositive("size", size);
            if (channels != null && channels != 1 && channels != 3) {
                throw new IllegalArgumentException(
                        String.format("channels must be 1 (grey) or 3 (RGB), got %d", channels));
            }
            if (patch != null && size != null && patch > size) {
                throw new IllegalArgumentException(
                        String.format(
                                "patch %d is larger than the image size %d it is cut from",
                                patch, size));
            }
            if (memoryBudget < 0) {
                throw new IllegalArgumentException(
                        String.format("memory budget must not be negative, got %d", memoryBudget));
            }
            for (String name : classes) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException(
                            String.format("class names must not be blank, got %s", classes));
                }
            }
            return new DataRequest(this);
        }

        private static void requirePositive(String name, Integer value) {
            if (value != null && value < 1) {
                throw new IllegalArgumentException(
                        String.format("%s must be at least 1, got %d", name, value));
            }
        }
    }
}
