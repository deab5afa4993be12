package dev.aetransfer.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Which strategy to use, and why, for the objective the user picked.
 *
 * <p>{@link #decide} ranks the strategy rows (baselines are references, never recommended) by the
 * objective's figure: linear-probe accuracy, highest first, for {@link ComparisonObjective#PROBE};
 * held-out reconstruction MSE, lowest first, for {@link ComparisonObjective#RECON}. A difference
 * between two strategies counts only when it exceeds their pooled standard deviation over seeds
 * ({@link Stat#pooledStd}); strategies within that of the leader are indistinguishable, and among
 * them the pick is the one that does not overfit, then the one better on the other figure (lower
 * MSE for probe, higher probe accuracy for recon), then the one training fewer parameters. The
 * reason says how the pick compares with the baselines and with {@code scratch}.
 *
 * <p>A strategy overfits when its held-out MSE is more than {@link #OVERFIT_RATIO} above its
 * training MSE, or when it reconstructs best of all strategies but its features probe worse than
 * every other strategy's: a low reconstruction error that would mislead.
 *
 * @param objective the objective applied: {@code PROBE} falls back to {@code RECON} when no
 *     strategy has a probe accuracy (the target has no labels)
 * @param recommended name of the strategy to use
 * @param reason one or two sentences: the pick, its figure, and how it compares with the baselines
 * @param notes warnings, one sentence each: the fallback, a single seed, overfitting strategies
 * @param indistinguishable other strategies within noise of the pick on the objective's figure
 * @param overfitting strategies flagged as overfitting, in row order
 */
public record Recommendation(
        ComparisonObjective objective,
        String recommended,
        String reason,
        List<String> notes,
        List<String> indistinguishable,
        List<String> overfitting) {

    /** Held-out MSE more than this share above training MSE flags a strategy as overfitting. */
    public static final double OVERFIT_RATIO = 0.5;

    /** The strategy trained from random weights on the target alone. */
    public static final String SCRATCH = "scratch";

    private static final String NO_STRATEGIES =
            "cannot recommend a strategy: the comparison has no strategy rows, only %s";
    private static final String NO_LABELS =
            "The target has no labels, so strategies are ranked by held-out reconstruction MSE.";
    private static final String ONE_SEED =
            "With one seed, close strategies cannot be told from noise; run --seeds 3 or more.";
    private static final String OVERFITS =
            "%s overfits the target: its held-out MSE is %s its training MSE (%s against %s).";
    private static final String MISLEADING =
            "%s reconstructs best (MSE %s) but %s: a low reconstruction error misleads here.%s";

    public Recommendation {
        if (objective == null || recommended == null || reason == null) {
            throw new IllegalArgumentException(
                    "a recommendation needs its objective, strategy and reason");
        }
        notes = List.copyOf(notes);
        indistinguishable = List.copyOf(indistinguishable);
        overfitting = List.copyOf(overfitting);
    }

    /**
     * Picks the strategy to use among {@code rows} for {@code requested} and writes the reason.
     *
     * @throws IllegalArgumentException if no row is a strategy with the objective's figure
     */
    public static Recommendation decide(List<ComparisonRow> rows, ComparisonObjective requested) {
        List<ComparisonRow> strategies =
                rows.stream().filter(row -> row.kind() == RowKind.STRATEGY).toList();
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format(NO_STRATEGIES, rows.stream().map(ComparisonRow::name).toList()));
        }

        // Without labels nothing can be probed, so only reconstruction can rank.
        List<String> notes = new ArrayList<>();
        boolean labelled = strategies.stream().anyMatch(row -> row.probeAccuracy() != null);
        ComparisonObjective objective = requested;
        if (requested == ComparisonObjective.PROBE && !labelled) {
            objective = ComparisonObjective.RECON;
            notes.add(NO_LABELS);
        }
        Figure primary = objective == ComparisonObjective.PROBE ? Figure.PROBE : Figure.MSE;
        Figure secondary = primary == Figure.PROBE ? Figure.MSE : Figure.PROBE;
        List<ComparisonRow> candidates =
                strategies.stream().filter(row -> primary.stat(row) != null).toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format(
                            "cannot rank strategies by %s: no strategy row has a %s",
                            objective.cliName(), primary.noun));
        }

        Set<String> overfitting = new LinkedHashSet<>();
        List<String> overfitNotes = new ArrayList<>();
        flagGaps(strategies, overfitting, overfitNotes);
        ComparisonRow misleading = misleadingReconstruction(strategies);
        if (misleading != null) {
            overfitting.add(misleading.name());
        }

        // The leader by mean, then whoever within noise of it is safest and best otherwise.
        ComparisonRow leader = candidates.get(0);
        for (ComparisonRow row : candidates) {
            if (primary.better(row, leader)) {
                leader = row;
            }
        }
        ComparisonRow top = leader;
        List<ComparisonRow> group =
                candidates.stream().filter(row -> primary.level(row, top)).toList();
        Comparator<ComparisonRow> preference =
                Comparator.<ComparisonRow, Boolean>comparing(
                                row -> overfitting.contains(row.name()))
                        .thenComparing(secondary::rank)
                        .thenComparing(Recommendation::params)
                        .thenComparing(primary::rank);
        ComparisonRow pick = group.stream().min(preference).orElse(leader);
        List<ComparisonRow> tied =
                candidates.stream().filter(row -> row != pick && primary.level(row, pick)).toList();

        String reason = choice(primary, secondary, pick, leader, tied, overfitting);
        String baselines = baselines(primary, pick, rows);
        if (!baselines.isEmpty()) {
            reason = String.join(" ", reason, baselines);
        }

        if (candidates.stream().allMatch(row -> row.seeds() == 1)) {
            notes.add(ONE_SEED);
        }
        notes.addAll(overfitNotes);
        if (misleading != null) {
            notes.add(misleadingNote(misleading, pick, objective));
        }
        return new Recommendation(
                objective,
                pick.name(),
                reason,
                notes,
                tied.stream().map(ComparisonRow::name).toList(),
                List.copyOf(overfitting));
    }

    /** The first sentence: which strategy, its figure, and the ones within noise of it. */
    private static String choice(
            Figure primary,
            Figure secondary,
            ComparisonRow pick,
            ComparisonRow leader,
            List<ComparisonRow> tied,
            Set<String> overfitting) {
        String value = primary.describe(pick);
        if (pick == leader && tied.isEmpty()) {
            return String.format("%s has the %s, %s.", pick.name(), primary.best, value);
        }
        if (pick == leader) {
            return String.format(
                    "%s has the %s, %s, but %s %s within noise of it.",
                    pick.name(),
                    primary.best,
                    value,
                    listed(tied, primary),
                    tied.size() == 1 ? "is" : "are");
        }

        String why;
        if (overfitting.contains(leader.name()) && !overfitting.contains(pick.name())) {
            why = String.format("does not overfit as %s does", leader.name());
        } else if (secondary.rank(pick) != secondary.rank(leader)) {
            why =
                    String.format(
                            "has a %s than %s (%s against %s)",
                            secondary.better,
                            leader.name(),
                            secondary.describe(pick),
                            secondary.describe(leader));
        } else {
            why =
                    String.format(
                            Locale.ROOT,
                            "trains fewer parameters than %s (%,d against %,d)",
                            leader.name(),
                            params(pick),
                            params(leader));
        }
        return String.format(
                "%s is within noise of the %s (%s, against %s for %s) and %s.",
                pick.name(), primary.best, value, primary.describe(leader), leader.name(), why);
    }

    /** The second sentence: how the pick compares with the baselines and with scratch. */
    private static String baselines(Figure figure, ComparisonRow pick, List<ComparisonRow> rows) {
        List<ComparisonRow> beaten = new ArrayList<>();
        List<ComparisonRow> level = new ArrayList<>();
        List<ComparisonRow> ahead = new ArrayList<>();
        for (ComparisonRow row : rows) {
            boolean reference =
                    row.kind() == RowKind.BASELINE || (row.name().equals(SCRATCH) && row != pick);
            if (!reference || figure.stat(row) == null) {
                continue;
            }
            if (figure.level(row, pick)) {
                level.add(row);
            } else if (figure.better(pick, row)) {
                beaten.add(row);
            } else {
                ahead.add(row);
            }
        }

        List<String> parts = new ArrayList<>();
        if (!beaten.isEmpty()) {
            parts.add(String.format("beats %s", listed(beaten, figure)));
        }
        if (!level.isEmpty()) {
            parts.add(String.format("is within noise of %s", listed(level, figure)));
        }
        if (!ahead.isEmpty()) {
            parts.add(String.format("falls behind %s", listed(ahead, figure)));
        }
        if (parts.isEmpty()) {
            return "";
        }
        ComparisonRow stronger =
                ahead.stream()
                        .filter(row -> row.kind() == RowKind.BASELINE)
                        .findFirst()
                        .orElse(null);
        if (stronger != null) {
            return String.format(
                    "On %s it %s, so no strategy beats the %s baseline on this target.",
                    figure.noun, joined(parts), stronger.name());
        }
        return String.format("On %s it %s.", figure.noun, joined(parts));
    }

    /** Flags strategies whose held-out MSE is well above their training MSE. */
    private static void flagGaps(
            List<ComparisonRow> strategies, Set<String> overfitting, List<String> notes) {
        for (ComparisonRow row : strategies) {
            double training = row.trainingMse();
            if (Double.isNaN(training) || !(row.overfitGap().mean() > 0)) {
                continue;
            }
            double gap = row.overfitGap().mean();
            if (training > 0 && gap <= OVERFIT_RATIO * training) {
                continue;
            }
            overfitting.add(row.name());
            int decimals = Stat.decimalsFor(Math.max(training, row.reconMse().mean()));
            String above =
                    training > 0
                            ? String.format(Locale.ROOT, "%.0f%% above", 100 * gap / training)
                            : "above";
            notes.add(
                    String.format(
                            OVERFITS,
                            row.name(),
                            above,
                            row.reconMse().format(decimals, false),
                            Stat.of(training).format(decimals, false)));
        }
    }

    /**
     * The strategy with the lowest MSE when every other strategy's features probe better than its
     * own, by more than noise; {@code null} when there is none.
     */
    private static ComparisonRow misleadingReconstruction(List<ComparisonRow> strategies) {
        List<ComparisonRow> probed =
                strategies.stream()
                        .filter(row -> row.probeAccuracy() != null && row.reconMse() != null)
                        .toList();
        if (probed.size() < 2) {
            return null;
        }
        ComparisonRow bestRecon = probed.stream().min(Comparator.comparing(Figure.MSE::rank)).get();
        ComparisonRow bestProbe =
                probed.stream().min(Comparator.comparing(Figure.PROBE::rank)).get();
        if (bestRecon == bestProbe || Figure.PROBE.level(bestRecon, bestProbe)) {
            return null;
        }
        // Worst means every other strategy probes better; a tie for last (strategies sharing one
        // frozen encoder probe alike) is not a sign that reconstruction misleads.
        boolean worst =
                probed.stream()
                        .filter(row -> row != bestRecon)
                        .allMatch(row -> Figure.PROBE.better(row, bestRecon));
        return worst ? bestRecon : null;
    }

    private static String misleadingNote(
            ComparisonRow row, ComparisonRow pick, ComparisonObjective objective) {
        String probes = String.format("probes worst (%s)", Figure.PROBE.describe(row));
        String hint =
                row == pick && objective == ComparisonObjective.RECON
                        ? " If the latent features matter, use --objective probe."
                        : "";
        return String.format(MISLEADING, row.name(), Figure.MSE.describe(row), probes, hint);
    }

    private static long params(ComparisonRow row) {
        return row.trainableParams() == null ? 0 : row.trainableParams();
    }

    /** {@code a (v)}, {@code a (v) and b (w)}, {@code a (v), b (w) and c (x)}. */
    private static String listed(List<ComparisonRow> rows, Figure figure) {
        return joined(
                rows.stream()
                        .map(row -> String.format("%s (%s)", row.name(), figure.describe(row)))
                        .toList());
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1))
                + " and "
                + parts.get(parts.size() - 1);
    }

    /** A figure the recommendation ranks by, with its direction and its words. */
    private enum Figure {
        PROBE(
                ComparisonRow::probeAccuracy,
                true,
                "probe accuracy",
                "highest linear-probe accuracy",
                "higher probe accuracy"),
        MSE(
                ComparisonRow::reconMse,
                false,
                "held-out MSE",
                "lowest held-out reconstruction MSE",
                "lower held-out MSE");

        private final Function<ComparisonRow, Stat> stat;
        private final boolean higherIsBetter;
        private final String noun;
        private final String best;
        private final String better;

        Figure(
                Function<ComparisonRow, Stat> stat,
                boolean higherIsBetter,
                String noun,
                String best,
                String better) {
            this.stat = stat;
            this.higherIsBetter = higherIsBetter;
            this.noun = noun;
            this.best = best;
            this.better = better;
        }

        Stat stat(ComparisonRow row) {
            return stat.apply(row);
        }

        /** Lower is better; a row without the figure ranks last. */
        double rank(ComparisonRow row) {
            Stat value = stat(row);
            if (value == null) {
                return Double.POSITIVE_INFINITY;
            }
            return higherIsBetter ? -value.mean() : value.mean();
        }

        boolean better(ComparisonRow a, ComparisonRow b) {
            return rank(a) < rank(b);
        }

        /** True when the two means differ by no more than their pooled standard deviation. */
        boolean level(ComparisonRow a, ComparisonRow b) {
            Stat x = stat(a);
            Stat y = stat(b);
            return Math.abs(x.mean() - y.mean()) <= Stat.pooledStd(x, y);
        }

        /**
         * {@code 84.1 ± 1.2%} or {@code 0.0123 ± 0.0004}; no spread for a single seed; {@code none}
         * for a row without the figure.
         */
        String describe(ComparisonRow row) {
            Stat value = stat(row);
            if (value == null) {
                return "none";
            }
            boolean spread = row.seeds() > 1;
            if (this == PROBE) {
                return value.scaled(100).format(1, spread) + "%";
            }
            return value.format(Stat.decimalsFor(value.mean()), spread);
        }
    }
}
