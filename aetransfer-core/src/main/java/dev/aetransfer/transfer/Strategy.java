package dev.aetransfer.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A transfer strategy as the command line names it: {@code scratch}, {@code pretrained}, {@code
 * freeze-encoder}, {@code last-layer}, {@code full}, {@code discriminative}, {@code gradual},
 * {@code adapters}, or {@code freeze:GLOB[,GLOB]} with globs over stage names ({@code *} any
 * characters, {@code ?} one).
 *
 * @param kind the strategy
 * @param globs the stage globs of {@code freeze:}, empty for the others
 */
public record Strategy(StrategyKind kind, List<String> globs) {

    /** The strategies {@code --strategies all} runs, in the order reports list them. */
    public static final List<Strategy> ALL =
            List.of(
                    of(StrategyKind.SCRATCH),
                    of(StrategyKind.PRETRAINED),
                    of(StrategyKind.FREEZE_ENCODER),
                    of(StrategyKind.LAST_LAYER),
                    of(StrategyKind.FULL),
                    of(StrategyKind.DISCRIMINATIVE),
                    of(StrategyKind.GRADUAL),
                    of(StrategyKind.ADAPTERS));

    public Strategy {
        globs = List.copyOf(globs);
        if (kind == StrategyKind.FREEZE_GLOB && globs.isEmpty()) {
            throw new IllegalArgumentException(
                    "freeze: needs at least one stage glob, e.g. freeze:encoder.*,latent");
        }
    }

    /** A strategy without globs. */
    public static Strategy of(StrategyKind kind) {
        return new Strategy(kind, List.of());
    }

    /**
     * Parses a strategy name.
     *
     * @throws IllegalArgumentException naming the valid choices for an unknown name
     */
    public static Strategy parse(String text) {
        String name = text.trim();
        if (name.toLowerCase(Locale.ROOT).startsWith("freeze:")) {
            List<String> globs = new ArrayList<>();
            for (String glob : name.substring("freeze:".length()).split(",")) {
                if (!glob.isBlank()) {
                    globs.add(glob.trim());
                }
            }
            return new Strategy(StrategyKind.FREEZE_GLOB, globs);
        }
        for (StrategyKind kind : StrategyKind.values()) {
            if (kind != StrategyKind.FREEZE_GLOB && kind.label().equalsIgnoreCase(name)) {
                return of(kind);
            }
        }
        throw new IllegalArgumentException(
                String.format("unknown strategy %s; choose one of %s", name, choices()));
    }

    /**
     * Parses {@code --strategies}: {@code all}, or names separated by commas. A {@code freeze:}
     * strategy takes every glob after it up to the next strategy name, so {@code
     * full,freeze:encoder.*,latent} is two strategies.
     */
    public static List<Strategy> parseList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        List<Strategy> strategies = new ArrayList<>();
        List<String> globs = null;
        for (String part : text.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.toLowerCase(Locale.ROOT).startsWith("freeze:")) {
                flushGlobs(strategies, globs);
                globs = new ArrayList<>();
                globs.add(item.substring("freeze:".length()));
            } else if (globs != null && !isStrategyName(item)) {
                globs.add(item);
            } else {
                flushGlobs(strategies, globs);
                globs = null;
                strategies.add(parse(item));
            }
        }
        flushGlobs(strategies, globs);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format("--strategies is empty; choose all or some of %s", choices()));
        }
        return strategies;
    }

    private static void flushGlobs(List<Strategy> strategies, List<String> globs) {
        if (globs != null) {
            strategies.add(new Strategy(StrategyKind.FREEZE_GLOB, globs));
        }
    }

    private static boolean isStrategyName(String item) {
        return Arrays.stream(StrategyKind.values())
                .anyMatch(kind -> kind.label().equalsIgnoreCase(item));
    }

    /** The valid names, for messages. */
    public static String choices() {
        return String.join(
                ", ", Arrays.stream(StrategyKind.values()).map(StrategyKind::label).toList());
    }

    /** The name as the command line writes it, e.g. {@code freeze:encoder.*,latent}. */
    public String name() {
        return kind == StrategyKind.FREEZE_GLOB
                ? "freeze:" + String.join(",", globs)
                : kind.label();
    }

    @Override
    public String toString() {
        return name();
    }
}
