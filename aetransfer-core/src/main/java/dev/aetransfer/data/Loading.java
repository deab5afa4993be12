package dev.aetransfer.data;

import dev.aetransfer.data.ImageCatalogue.Entry;
import dev.aetransfer.data.ImageCatalogue.Role;
import dev.aetransfer.data.ImageFiles.ImageHeader;
import dev.aetransfer.data.PatchSampler.Region;
import dev.aetransfer.data.Sources.Decoded;
import dev.aetransfer.data.Sources.Images;
import dev.aetransfer.data.Sources.Source;
import dev.aetransfer.data.Splits.ClassSelection;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link DataLoader#load}: opens the sources, selects classes, splits, resizes, cuts
 * patches and applies the per-class limit, collecting notes on what it did. Not thread-safe.
 */
final class Loading {

    private static final Logger LOG = LoggerFactory.getLogger(Loading.class);

    // Each random choice draws from its own stream, so that changing one leaves the others.
    private static final long PER_CLASS_SEED = 1;
    private static final long PATCH_SEED = 2;
    private static final long TEST_SOURCE_SEED = 3;

    private static final String RESIZE_NOTE =
            "resize: shorter side to %d pixels (area mean down, bilinear up), centred %dx%d crop";
    private static final String PATCHES_NOTE =
            "patches: %d random %dx%d patches per image, wrapping around the edges, seed %d";
    private static final String REGION_NOTE =
            "split: by region, as a class has one image: first %.0f%% of each longer side trains";
    private static final String TRAINING_ONLY_NOTE =
            "split: %d images too small for two regions gave training patches only: %s";
    private static final String TEST_LABELS_DROPPED =
            "the training data {} is unlabelled; the labels of the test data {} are dropped";
    private static final String UNKNOWN_TEST_CLASS =
            "test data %s has class \"%s\", which the training data %s lacks; its classes are %s";
    private static final String TEST_SHAPE_DIFFERS =
            "test data %s has %s %s samples but training data %s has %s %s; give --size N to match";
    private static final String PATTERN_SIZES_DIFFER =
            "patterns differ in size: %s is %dx%d pixels, %s is %dx%d; give --patch P or --size N";
    private static final String IMAGE_SIZES_DIFFER =
            "images differ in size: %s is %dx%d pixels, %s is %dx%d; give --size N or --patch P";
    private static final String TOO_SMALL_FOR_REGIONS =
            "{} ({}x{} pixels) is too small for two regions of {}x{} patches; all go to training";

    private final DataRequest request;
    private final MemoryBudget budget;
    private final List<String> notes = new ArrayList<>();
    private int skipped;

    Loading(DataRequest request) {
        this.request = request;
        this.budget = new MemoryBudget(request.memoryBudget());
    }

    TrainTestSplit run() {
        Source source = Sources.open(request.source(), request.seed(), budget);
        Source testSource =
                request.testSource()
                        .map(s -> Sources.open(s, request.seed() + TEST_SOURCE_SEED, budget))
                        .orElse(null);
        checkSplitOptions(source, testSource);
        notes.add(String.format("source: %s %s", source.kind(), source.origin()));

        ClassSelection selection =
                Splits.selectClasses(source.classNames(), request.classes(), source.origin());
        if (!selection.keepsAll()) {
            notes.add(String.format("classes: kept %s", String.join(", ", selection.names())));
        }

        if (request.size().isPresent()) {
            int size = request.size().getAsInt();
            notes.add(String.format(RESIZE_NOTE, size, size, size));
        }
        if (request.patch().isPresent()) {
            int patch = request.patch().getAsInt();
            notes.add(
                    String.format(
                            PATCHES_NOTE, request.patchesPerImage(), patch, patch, request.seed()));
        }

        Role trainRole = testSource == null ? Role.ANY : Role.TRAIN;
        Parts parts = prepare(source, selection, trainRole, OptionalInt.empty());
        SampleSet train = parts.train();
        SampleSet test = parts.test();
        if (testSource != null) {
            ClassSelection matched = matchByName(testSource, source, selection);
            OptionalInt channels =
                    train.storage() == SampleStorage.UINT8
                            ? OptionalInt.of(train.shape().channels())
                            : OptionalInt.empty();
            test = prepare(testSource, matched, Role.TEST, channels).test();
            notes.add(
                    String.format(
                            "split: held-out data from %s %s, classes matched by name",
                            testSource.kind(), testSource.origin()));
        }
        checkCompatible(train, test);
        train = compact(train);
        test = compact(test);

        notes.add(String.format("storage: %s", storage(train, test)));
        if (skipped > 0) {
            LOG.warn("skipped {} unreadable files; loading went on without them", skipped);
            notes.add(String.format("skipped: %d unreadable files (see the warnings)", skipped));
        }
        return new TrainTestSplit(train, test, notes);
    }

    private void checkSplitOptions(Source source, Source testSource) {
        if (source.fixedSplit() && request.split().isPresent()) {
            throw new IllegalArgumentException(
                    String.format(
                            "--split %s cannot apply: %s (%s) already fixes the split",
                            request.split().getAsDouble(), source.origin(), source.kind()));
        }
        if (source.fixedSplit() && testSource != null) {
            throw new IllegalArgumentException(
                    String.format(
                            "--test-data %s cannot apply: %s (%s) already holds its own test split",
                            testSource.origin(), source.origin(), source.kind()));
        }
    }

    /** Test classes take the training labels of the same names; unknown names are an error. */
    private static ClassSelection matchByName(Source test, Source train, ClassSelection selection) {
        List<String> testNames = test.classNames();
        if (testNames.isEmpty() || train.classNames().isEmpty()) {
            if (!testNames.isEmpty()) {
                LOG.warn(TEST_LABELS_DROPPED, train.origin(), test.origin());
            }
            return new ClassSelection(List.of(), new int[testNames.size()]);
        }
        int[] newLabel = new int[testNames.size()];
        for (int i = 0; i < testNames.size(); i++) {
            String name = testNames.get(i);
            int trainLabel = train.classNames().indexOf(name);
            if (trainLabel < 0) {
                throw new IllegalArgumentException(
                        String.format(
                                UNKNOWN_TEST_CLASS,
                                test.origin(),
                                name,
                                train.origin(),
                                String.join(", ", train.classNames())));
            }
            newLabel[i] = selection.newLabel()[trainLabel];
        }
        return new ClassSelection(selection.names(), newLabel);
    }

    private static void checkCompatible(SampleSet train, SampleSet test) {
        if (!train.shape().equals(test.shape()) || train.storage() != test.storage()) {
            throw new IllegalArgumentException(
                    String.format(
                            TEST_SHAPE_DIFFERS,
                            test.origin(),
                            test.shape(),
                            test.storage(),
                            train.origin(),
                            train.shape(),
                            train.storage()));
        }
    }

    /** The training and test sets of a source; for a test source only {@code test} is set. */
    private record Parts(SampleSet train, SampleSet test) {}

    private Parts prepare(
            Source source, ClassSelection selection, Role role, OptionalInt channels) {
        if (source instanceof Images images) {
            return prepareImages(images.catalogue(), selection, role, channels);
        }
        return prepareDecoded((Decoded) source, selection, role, channels);
    }

    // ---- image files ----

    private Parts prepareImages(
            ImageCatalogue catalogue, ClassSelection selection, Role role, OptionalInt forced) {
        boolean labelled = !selection.names().isEmpty();
        List<Item> items = new ArrayList<>();
        for (Entry entry : catalogue.entries()) {
            int label = labelled ? selection.newLabel()[entry.label()] : -1;
            boolean wanted =
                    role != Role.TEST || !catalogue.fixedSplit() || entry.role() == Role.TEST;
            if ((labelled && label < 0) || !wanted) {
                continue;
            }
            ImageHeader header = attempt(() -> entry.format().header(entry.file()));
            if (header != null) {
                items.add(
                        new Item(
                                entry.withLabel(label, role == Role.ANY ? entry.role() : role),
                                header));
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s %s holds no readable images of the selected classes",
                            catalogue.kind(), catalogue.origin()));
        }
        List<String> names = labelled ? selection.names() : List.of();

        int channels = forced.orElse(request.channels().orElse(anyColour(items) ? 3 : 1));
        if (role != Role.TEST) {
            notes.add(channelsNote(channels, forced.isEmpty() && request.channels().isEmpty()));
        }
        if (request.size().isEmpty() && request.patch().isEmpty()) {
            checkSameSize(items);
        }

        boolean byRegion = false;
        if (role == Role.ANY && !catalogue.fixedSplit()) {
            double fraction = request.split().orElse(DataRequest.DEFAULT_SPLIT);
            int[] labels = items.stream().mapToInt(item -> item.entry.label()).toArray();
            byRegion = request.patch().isPresent() && smallestClass(labels) < 2;
            if (!byRegion) {
                int[][] split = Splits.stratified(labels, fraction, request.seed());
                assignRoles(items, split);
                notes.add(splitNote(fraction, "image"));
            } else {
                notes.add(regionNote(fraction));
            }
        } else if (catalogue.fixedSplit() && role == Role.ANY) {
            notes.add("split: fixed by the source's train/ and test/ folders");
        }
        if (request.perClass().isPresent() && request.patch().isEmpty() && role != Role.TEST) {
            items = perClassItems(items, names);
        }

        return decodeAll(items, names, channels, byRegion, catalogue.origin(), role);
    }

    /** An image file with its header, label and split. */
    private record Item(Entry entry, ImageHeader header) {

        Item withRole(Role role) {
            return new Item(entry.withLabel(entry.label(), role), header);
        }
    }

    private static boolean anyColour(List<Item> items) {
        return items.stream().anyMatch(item -> item.header.colour());
    }

    private static void checkSameSize(List<Item> items) {
        Item first = items.get(0);
        for (Item item : items) {
            if (item.header.width() == first.header.width()
                    && item.header.height() == first.header.height()) {
                continue;
            }
            String format =
                    item.entry.format() == ImageCatalogue.Format.PATTERN
                            ? PATTERN_SIZES_DIFFER
                            : IMAGE_SIZES_DIFFER;
            throw new IllegalArgumentException(
                    String.format(
                            format,
                            first.entry.file(),
                            first.header.width(),
                            first.header.height(),
                            item.entry.file(),
                            item.header.width(),
                            item.header.height()));
        }
    }

    private static int smallestClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        if (classes == 0) {
            return labels.length;
        }
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return Arrays.stream(counts).filter(c -> c > 0).min().orElse(0);
    }

    private static void assignRoles(List<Item> items, int[][] split) {
        for (int i : split[0]) {
            items.set(i, items.get(i).withRole(Role.TRAIN));
        }
        for (int i : split[1]) {
            items.set(i, items.get(i).withRole(Role.TEST));
        }
    }

    private List<Item> perClassItems(List<Item> items, List<String> names) {
        List<Item> train = items.stream().filter(item -> item.entry.role() == Role.TRAIN).toList();
        int[] labels = train.stream().mapToInt(item -> item.entry.label()).toArray();
        int[] keep = Splits.perClass(labels, names, request.perClass().getAsInt(), perClassSeed());
        List<Item> kept = new ArrayList<>();
        for (int i : keep) {
            kept.add(train.get(i));
        }
        items.stream().filter(item -> item.entry.role() != Role.TRAIN).forEach(kept::add);
        notes.add(perClassNote());
        return kept;
    }

    private Parts decodeAll(
            List<Item> items,
            List<String> names,
            int channels,
            boolean byRegion,
            String origin,
            Role role) {
        SampleShape shape = outputShape(items.get(0).header, channels);
        SampleLayout layout = new SampleLayout(shape, SampleStorage.UINT8);
        int perImage = request.patch().isPresent() ? request.patchesPerImage() : 1;
        int trainCount = count(items, Role.TRAIN, byRegion) * perImage;
        int testCount = count(items, Role.TEST, byRegion) * perImage;
        SampleBuffer train = new SampleBuffer(layout, trainCount, budget, origin);
        SampleBuffer test = new SampleBuffer(layout, testCount, budget, origin);
        Random random = new Random(request.seed() + PATCH_SEED);
        double fraction = request.split().orElse(DataRequest.DEFAULT_SPLIT);
        List<String> trainingOnly = new ArrayList<>();

        for (Item item : items) {
            Path file = item.entry.file();
            DecodedImage decoded = attempt(() -> item.entry.format().decode(file));
            if (decoded == null) {
                continue;
            }
            DecodedImage image = shaped(decoded, channels);
            int label = item.entry.label();
            int patch = request.patch().orElse(0);
            if (byRegion && PatchSampler.canSplit(image.height(), image.width(), patch)) {
                Region[] regions =
                        PatchSampler.split(
                                image.height(), image.width(), patch, fraction, file.toString());
                int share = PatchSampler.trainingShare(perImage, fraction);
                addPatches(train, image, regions[0], share, label, random);
                addPatches(test, image, regions[1], perImage - share, label, random);
            } else if (byRegion) {
                LOG.warn(TOO_SMALL_FOR_REGIONS, file, image.width(), image.height(), patch, patch);
                trainingOnly.add(file.getFileName().toString());
                addImage(train, image, label, random);
            } else {
                SampleBuffer target = item.entry.role() == Role.TEST ? test : train;
                addImage(target, image, label, random);
            }
        }

        if (!trainingOnly.isEmpty()) {
            notes.add(
                    String.format(
                            TRAINING_ONLY_NOTE,
                            trainingOnly.size(),
                            String.join(", ", trainingOnly)));
        }
        SampleSet trainSet = train.finish(names);
        SampleSet testSet = test.finish(names);
        if (request.perClass().isPresent() && request.patch().isPresent() && role != Role.TEST) {
            trainSet = limitPerClass(trainSet);
        }
        return new Parts(trainSet, testSet);
    }

    private SampleShape outputShape(ImageHeader header, int channels) {
        if (request.patch().isPresent()) {
            int patch = request.patch().getAsInt();
            return new SampleShape(channels, patch, patch);
        }
        if (request.size().isPresent()) {
            int size = request.size().getAsInt();
            return new SampleShape(channels, size, size);
        }
        return new SampleShape(channels, header.height(), header.width());
    }

    private static int count(List<Item> items, Role role, boolean byRegion) {
        return (int) items.stream().filter(i -> byRegion || i.entry.role() == role).count();
    }

    /** Channels converted and, with {@code --size}, resized and cropped. */
    private DecodedImage shaped(DecodedImage image, int channels) {
        DecodedImage converted = image.withChannels(channels);
        if (request.size().isPresent()) {
            return converted.resizedAndCropped(request.size().getAsInt());
        }
        return converted;
    }

    /** The image itself, or with {@code --patch} its patches from anywhere in it. */
    private void addImage(SampleBuffer buffer, DecodedImage image, int label, Random random) {
        if (request.patch().isEmpty()) {
            buffer.add(image.pixels(), label);
            return;
        }
        Region whole = PatchSampler.whole(image.height(), image.width());
        addPatches(buffer, image, whole, request.patchesPerImage(), label, random);
    }

    private void addPatches(
            SampleBuffer buffer,
            DecodedImage image,
            Region region,
            int count,
            int label,
            Random random) {
        int patch = request.patch().getAsInt();
        for (int i = 0; i < count; i++) {
            int[] corner = region.corner(random);
            buffer.add(image.patch(corner[0], corner[1], patch).pixels(), label);
        }
    }

    // ---- decoded samples ----

    private Parts prepareDecoded(
            Decoded source, ClassSelection selection, Role role, OptionalInt forced) {
        SampleSet any = source.any();
        boolean images = any.storage() == SampleStorage.UINT8;
        if (!images) {
            checkNoImageOptions(any);
        }

        SampleSet train;
        SampleSet test;
        if (role == Role.TEST) {
            train = null;
            test = select(source.fixedSplit() ? source.test() : source.all(), selection);
        } else if (source.fixedSplit()) {
            train = select(source.train(), selection);
            test = select(source.test(), selection);
            notes.add("split: fixed by the source's train and t10k files");
        } else if (role == Role.TRAIN) {
            train = select(source.all(), selection);
            test = emptyLike(train);
        } else {
            SampleSet all = select(source.all(), selection);
            double fraction = request.split().orElse(DataRequest.DEFAULT_SPLIT);
            int[][] split = Splits.stratified(Splits.labels(all), fraction, request.seed());
            train = SubsetSampleSet.of(all, split[0]);
            test = SubsetSampleSet.of(all, split[1]);
            notes.add(splitNote(fraction, "sample"));
        }

        boolean patches = request.patch().isPresent();
        if (train != null && request.perClass().isPresent() && !patches) {
            train = limitPerClass(train);
        }
        if (images) {
            int channels = forced.orElse(request.channels().orElse(any.shape().channels()));
            if (role != Role.TEST) {
                notes.add(channelsNote(channels, false));
            }
            boolean reshape =
                    channels != any.shape().channels() || request.size().isPresent() || patches;
            if (reshape) {
                Random random = new Random(request.seed() + PATCH_SEED);
                train = train == null ? null : reshaped(train, channels, random);
                test = reshaped(test, channels, random);
            }
        }
        if (train != null && request.perClass().isPresent() && patches) {
            train = limitPerClass(train);
        }
        return new Parts(train, test);
    }

    private void checkNoImageOptions(SampleSet vectors) {
        String option =
                request.patch().isPresent()
                        ? "--patch"
                        : request.size().isPresent()
                                ? "--size"
                                : request.channels().isPresent() ? "--channels" : null;
        if (option != null) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s applies only to images, but %s holds vectors of %d values",
                            option, vectors.origin(), vectors.shape().volume()));
        }
    }

    private static SampleSet select(SampleSet set, ClassSelection selection) {
        if (!set.labelled()) {
            return set;
        }
        if (selection.names().isEmpty()) {
            int[] all = new int[set.size()];
            Arrays.setAll(all, i -> i);
            return SubsetSampleSet.relabelled(set, all, null, List.of());
        }
        if (selection.keepsAll() && selection.names().equals(set.classNames())) {
            return set;
        }
        int[] indices = new int[set.size()];
        int[] labels = new int[set.size()];
        int kept = 0;
        for (int i = 0; i < set.size(); i++) {
            int label = selection.newLabel()[set.label(i)];
            if (label >= 0) {
                indices[kept] = i;
                labels[kept++] = label;
            }
        }
        return SubsetSampleSet.relabelled(
                set, Arrays.copyOf(indices, kept), Arrays.copyOf(labels, kept), selection.names());
    }

    private static SampleSet emptyLike(SampleSet set) {
        return SubsetSampleSet.of(set, new int[0]);
    }

    /** Every sample converted to {@code channels}, resized and cut into patches as asked. */
    private SampleSet reshaped(SampleSet set, int channels, Random random) {
        SampleShape from = set.shape();
        int side = request.patch().orElse(request.size().orElse(-1));
        SampleShape to =
                side > 0
                        ? new SampleShape(channels, side, side)
                        : new SampleShape(channels, from.height(), from.width());
        int perSample = request.patch().isPresent() ? request.patchesPerImage() : 1;
        SampleLayout layout = new SampleLayout(to, SampleStorage.UINT8);
        SampleBuffer buffer =
                new SampleBuffer(layout, set.size() * perSample, budget, set.origin());
        ByteBuffer values = ByteBuffer.allocate(from.volume());
        for (int i = 0; i < set.size(); i++) {
            values.clear();
            set.copyTo(i, values);
            DecodedImage image =
                    new DecodedImage(
                            from.channels(), from.height(), from.width(), values.array().clone());
            addImage(buffer, shaped(image, channels), set.label(i), random);
        }
        return buffer.finish(set.classNames());
    }

    private SampleSet limitPerClass(SampleSet train) {
        int[] keep =
                Splits.perClass(
                        Splits.labels(train),
                        train.classNames(),
                        request.perClass().getAsInt(),
                        perClassSeed());
        notes.add(perClassNote());
        return SubsetSampleSet.of(train, keep);
    }

    private long perClassSeed() {
        return request.seed() + PER_CLASS_SEED;
    }

    /**
     * A selection from a cache file, copied into memory when it fits what is left of the budget, so
     * that a small subset of a large dataset is not read from disk sample by sample.
     */
    private SampleSet compact(SampleSet set) {
        if (!(set instanceof SubsetSampleSet) || !onDisk(set)) {
            return set;
        }
        SampleLayout layout = SampleLayout.of(set);
        long bytes = (long) set.size() * layout.sampleBytes();
        if (!budget.tryReserve(bytes)) {
            return set;
        }
        budget.release(bytes);
        SampleBuffer buffer = new SampleBuffer(layout, set.size(), budget, set.origin());
        ByteBuffer values = ByteBuffer.allocate(layout.sampleBytes());
        float[] floats = new float[set.shape().volume()];
        for (int i = 0; i < set.size(); i++) {
            if (layout.storage() == SampleStorage.UINT8) {
                values.clear();
                set.copyTo(i, values);
                buffer.add(values.array(), set.label(i));
            } else {
                set.read(i, floats, 0);
                buffer.add(floats, set.label(i));
            }
        }
        return buffer.finish(set.classNames());
    }

    // ---- bad input ----

    /** The action's result, or null when it failed on bad input and bad input is skipped. */
    private <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (request.onBadInput() == BadInputPolicy.FAIL) {
                throw e;
            }
            LOG.warn("{}; skipping the file", e.getMessage());
            skipped++;
            return null;
        }
    }

    // ---- notes ----

    private static String channelsNote(int channels, boolean chosen) {
        String what = channels == 1 ? "1 (grey)" : "3 (RGB)";
        if (!chosen) {
            return String.format("channels: %s", what);
        }
        String why = channels == 1 ? "every image is grey" : "an image has colour";
        return String.format("channels: %s, as %s", what, why);
    }

    private String splitNote(double fraction, String unit) {
        return String.format(
                Locale.ROOT,
                "split: stratified by class, %.0f%% of each class's %ss for training, seed %d",
                100 * fraction,
                unit,
                request.seed());
    }

    private String regionNote(double fraction) {
        return String.format(Locale.ROOT, REGION_NOTE, 100 * fraction);
    }

    private String perClassNote() {
        return String.format(
                "per-class: %d training examples of each class, seed %d",
                request.perClass().getAsInt(), request.seed());
    }

    private String storage(SampleSet train, SampleSet test) {
        boolean onDisk = onDisk(train) || onDisk(test);
        if (!onDisk) {
            return String.format("in memory (budget %s)", bytes(budget.total()));
        }
        return String.format(
                "streamed from a cache file, as the data exceeds the memory budget of %s",
                bytes(budget.total()));
    }

    static boolean onDisk(SampleSet set) {
        return set instanceof FileSampleSet
                || (set instanceof SubsetSampleSet subset && subset.onDisk());
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
