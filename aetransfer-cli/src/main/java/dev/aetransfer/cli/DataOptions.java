package dev.aetransfer.cli;

import dev.aetransfer.data.BadInputPolicy;
import dev.aetransfer.data.DataRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The data options of every command that reads data; mix them in with {@code @Mixin DataOptions
 * data;} and call {@link #toRequest()}. The seed is shared: a command that needs one for anything
 * else reads {@link #seed()} rather than declaring its own {@code --seed}.
 */
public final class DataOptions {

    @Option(
            names = "--data",
            required = true,
            paramLabel = "PATH",
            description =
                    "Folder of images (one subfolder per class, or train/ and test/), IDX images "
                            + "file or folder, GIMP .pat file or folder, CSV or NPY file, "
                            + "or textures:SPEC.")
    private String data;

    @Option(
            names = "--test-data",
            paramLabel = "PATH",
            description = "Held-out data from another source; its classes are matched by name.")
    private String testData;

    @Option(
            names = "--split",
            paramLabel = "FRACTION",
            description =
                    "Training fraction of a stratified, seeded split "
                            + "(default 0.8 when the data fixes no split).")
    private Double split;

    @Option(
            names = "--classes",
            split = ",",
            paramLabel = "CLASS",
            description = "Keep only these classes, by name or number, e.g. 5,6,7.")
    private List<String> classes = List.of();

    @Option(
            names = "--per-class",
            paramLabel = "N",
            description = "Keep N training examples of each class, chosen at random.")
    private Integer perClass;

    @Option(
            names = "--patch",
            paramLabel = "P",
            description = "Cut random PxP patches from each image, wrapping around its edges.")
    private Integer patch;

    @Option(
            names = "--patches-per-image",
            paramLabel = "K",
            defaultValue = "16",
            description = "Patches cut from each image (default ${DEFAULT-VALUE}).")
    private int patchesPerImage;

    @Option(
            names = "--channels",
            paramLabel = "1|3",
            description = "1 for grey, 3 for RGB (default: 3 when any image has colour, else 1).")
    private Integer channels;

    @Option(
            names = "--size",
            paramLabel = "N",
            description =
                    "Resize each image's shorter side to N, then crop the centred NxN square.")
    private Integer size;

    @Option(
            names = "--on-bad-input",
            paramLabel = "fail|skip",
            defaultValue = "fail",
            converter = BadInputConverter.class,
            description = "Stop at an unreadable file (fail, the default) or leave it out (skip).")
    private BadInputPolicy onBadInput;

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description =
                    "Seed of splits, per-class choices and patches (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--memory-budget",
            paramLabel = "BYTES",
            converter = ByteSizeConverter.class,
            description =
                    "Sample memory before data streams from a cache file, e.g. "
                            + "512m or 2g (default: a quarter of the maximum heap).")
    private Long memoryBudget;

    /** The request these options describe; ranges are checked here. */
    public DataRequest toRequest() {
        DataRequest.Builder builder =
                DataRequest.builder()
                        .setSource(data)
                        .optClasses(classes)
                        .optPatchesPerImage(patchesPerImage)
                        .optOnBadInput(onBadInput)
                        .optSeed(seed);
        if (testData != null) {
            builder.optTestSource(testData);
        }
        if (split != null) {
            builder.optSplit(split);
        }
        if (perClass != null) {
            builder.optPerClass(perClass);
        }
        if (patch != null) {
            builder.optPatch(patch);
        }
        if (channels != null) {
            builder.optChannels(channels);
        }
        if (size != null) {
            builder.optSize(size);
        }
        if (memoryBudget != null) {
            builder.optMemoryBudget(memoryBudget);
        }
        return builder.build();
    }

    /** The {@code --seed} value, for commands that need a seed for more than the data. */
    public long seed() {
        return seed;
    }

    /** {@code fail} or {@code skip}, in any case. */
    static final class BadInputConverter implements ITypeConverter<BadInputPolicy> {
        @Override
        public BadInputPolicy convert(String value) {
            for (BadInputPolicy policy : BadInputPolicy.values()) {
                if (policy.name().equalsIgnoreCase(value)) {
                    return policy;
                }
            }
            throw new TypeConversionException(
                    String.format("expected fail or skip, got '%s'", value));
        }
    }

    /** A byte count with an optional binary suffix: {@code 1048576}, {@code 512k}, {@code 2g}. */
    static final class ByteSizeConverter implements ITypeConverter<Long> {

        private static final Pattern SIZE =
                Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.trim());
            if (!matcher.matches()) {
                throw new TypeConversionException(
                        String.format(
                                "expected a number of bytes such as 1048576, 512m or 2g, got '%s'",
                                value));
            }
            int shift =
                    switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                        case "k" -> 10;
                        case "m" -> 20;
                        case "g" -> 30;
                        case "t" -> 40;
                        default -> 0;
                    };
            try {
                return Math.multiplyExact(Long.parseLong(matcher.group(1)), 1L << shift);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new TypeConversionException(
                        String.format("'%s' is too large a number of bytes", value));
            }
        }
    }
}
