package dev.aetransfer.data.textures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed texture spec: which families, how many samples in all, and the patch size. Sample {@code
 * i} belongs to family {@code i % families.size()}, so every prefix is balanced.
 *
 * @param text the spec as written, for the origin and messages
 */
record TextureSpec(String text, List<Family> families, int count, int size) {

    static final int MIN_SIZE = 8;
    static final int MAX_SIZE = 256;
    static final int DEFAULT_SIZE = 32;
    static final int SOURCE_COUNT = 8000;
    static final int TARGET_PER_FAMILY = 150;
    static final int DEFAULT_PER_FAMILY = 500;

    /** The largest array the JVM allocates, in bytes. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private static final String PRESET = "";
    private static final List<String> PRESETS = List.of("source", "target");
    private static final List<String> KEYS = List.of("families", "n", "size");

    private static final String EMPTY =
            "texture spec is empty: write textures:source, target or families=A,B[&n=N&size=S]";
    private static final String NO_FAMILIES =
            "textures:%s: no families chosen; start with source, target or families=NAME,NAME";
    private static final String UNKNOWN_PART =
            "textures:%s: unknown part \"%s\"; expected source, target or KEY=VALUE, KEY among %s";
    private static final String TOO_MANY_BYTES =
            "textures:%s: %d samples of 3x%dx%d are %d bytes, over the limit %d; lower n or size";

    TextureSpec {
        families = List.copyOf(families);
    }

    /**
     * Parses {@code source}, {@code target} or {@code families=NAME,...}, each optionally followed
     * by {@code &n=COUNT} and {@code &size=PIXELS}.
     *
     * @throws IllegalArgumentException naming the part, key or value that is wrong and the choices
     */
    static TextureSpec parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(EMPTY);
        }
        Map<String, String> parts = parts(text);
        String preset = parts.get(PRESET);
        if (preset != null && parts.containsKey("families")) {
            throw new IllegalArgumentException(
                    String.format(
                            "textures:%s: families cannot be combined with %s; use one of them",
                            text, preset));
        }
        if (preset == null && !parts.containsKey("families")) {
            throw new IllegalArgumentException(String.format(NO_FAMILIES, text));
        }

        List<Family> families =
                switch (preset == null ? "families" : preset) {
                    case "source" -> Families.SOURCE;
                    case "target" -> Families.TARGET;
                    default -> families(text, parts.get("families"));
                };
        int perFamily = "target".equals(preset) ? TARGET_PER_FAMILY : DEFAULT_PER_FAMILY;
        int defaultCount = "source".equals(preset) ? SOURCE_COUNT : perFamily * families.size();
        int count = number(text, "n", parts.get("n"), defaultCount);
        int size = number(text, "size", parts.get("size"), DEFAULT_SIZE);
        check(text, families.size(), count, size);
        return new TextureSpec(text, families, count, size);
    }

    /** Splits a spec at {@code &} into values by key; a preset is stored under {@link #PRESET}. */
    private static Map<String, String> parts(String text) {
        Map<String, String> parts = new HashMap<>();
        for (String part : text.split("&", -1)) {
            int equals = part.indexOf('=');
            if (equals < 0 && !PRESETS.contains(part)) {
                throw new IllegalArgumentException(
                        String.format(UNKNOWN_PART, text, part, String.join(", ", KEYS)));
            }
            String key = equals < 0 ? PRESET : part.substring(0, equals);
            String value = equals < 0 ? part : part.substring(equals + 1);
            if (!key.equals(PRESET) && !KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        String.format(
                                "textures:%s: unknown key \"%s\"; valid keys: %s",
                                text, key, String.join(", ", KEYS)));
            }
            String earlier = parts.put(key, value);
            if (earlier != null && key.equals(PRESET)) {
                throw new IllegalArgumentException(
                        String.format(
                                "textures:%s: %s cannot be combined with %s; use one of them",
                                text, value, earlier));
            }
            if (earlier != null) {
                throw new IllegalArgumentException(
                        String.format("textures:%s: \"%s\" is given twice", text, part));
            }
        }
        return parts;
    }

    private static void check(String text, int families, int count, int size) {
        if (count < families) {
            throw new IllegalArgumentException(
                    String.format(
                            "textures:%s: n must be at least %d (one sample per family), got %d",
                            text, families, count));
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    String.format(
                            "textures:%s: size must be between %d and %d pixels, got %d",
                            text, MIN_SIZE, MAX_SIZE, size));
        }
        long bytes = 3L * size * size * count;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(
                    String.format(TOO_MANY_BYTES, text, count, size, size, bytes, MAX_BYTES));
        }
    }

    private static List<Family> families(String text, String value) {
        List<Family> families = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            Optional<Family> family = Families.named(name);
            if (family.isEmpty()) {
                throw new IllegalArgumentException(
                        String.format(
                                "textures:%s: unknown family \"%s\"; valid families: %s",
                                text, name, Families.names()));
            }
            if (families.contains(family.get())) {
                throw new IllegalArgumentException(
                        String.format("textures:%s: family \"%s\" is listed twice", text, name));
            }
            families.add(family.get());
        }
        return families;
    }

    private static int number(String text, String key, String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    String.format(
                            "textures:%s: %s must be a whole number, got \"%s\"", text, key, value),
                    e);
        }
    }

    /** The family of sample {@code index}. */
    Family family(int index) {
        return families.get(index % families.size());
    }

    /** Class names, indexed by label: the family names in spec order. */
    List<String> classNames() {
        return families.stream().map(Family::name).toList();
    }
}
