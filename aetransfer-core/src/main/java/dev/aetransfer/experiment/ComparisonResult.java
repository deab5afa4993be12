package dev.aetransfer.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a comparison produced: what it ran on, one row per strategy and baseline, the
 * recommendation for the objective, and what the report draws (loss curves, a reconstruction grid,
 * latent projections). Immutable.
 *
 * @param context what the comparison ran on
 * @param recommendation the strategy to use and why, decided from {@code rows}
 * @param rows strategies first, then baselines, in display order; names unique
 * @param curves per-epoch losses of the strategies that trained
 * @param grid reconstructions of a few held-out images, or {@code null} when there is none
 * @param projections 2-D projections of the held-out latent means, per strategy and baseline
 */
public record ComparisonResult(
        ComparisonContext context,
        Recommendation recommendation,
        List<ComparisonRow> rows,
        List<LossCurve> curves,
        ReconstructionGrid grid,
        List<LatentProjection> projections) {

    public ComparisonResult {
        if (context == null || recommendation == null) {
            throw new IllegalArgumentException(
                    "a comparison result needs its context and recommendation");
        }
        rows = List.copyOf(rows);
        curves = List.copyOf(curves);
        projections = List.copyOf(projections);

        Set<String> names = new HashSet<>();
        for (ComparisonRow row : rows) {
            if (!names.add(row.name())) {
                throw new IllegalArgumentException(
                        String.format("comparison row %s appears twice", row.name()));
            }
        }
        checkKnown(names, "the recommendation", List.of(recommendation.recommended()));
        checkKnown(names, "a loss curve", curves.stream().map(LossCurve::name).toList());
        checkKnown(
                names,
                "a latent projection",
                projections.stream().map(LatentProjection::name).toList());
        if (grid != null) {
            checkKnown(
                    names, "the reconstruction grid", List.copyOf(grid.reconstructions().keySet()));
        }
    }

    /** A builder; {@link Builder#build()} decides the recommendation from the rows. */
    public static Builder builder() {
        return new Builder();
    }

    /** The objective the recommendation applied (probe falls back to recon without labels). */
    public ComparisonObjective objective() {
        return recommendation.objective();
    }

    /** Name of the recommended strategy. */
    public String recommended() {
        return recommendation.recommended();
    }

    /** Why, in one or two sentences. */
    public String reason() {
        return recommendation.reason();
    }

    /** The row named {@code name}, or {@code null}. */
    public ComparisonRow row(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst().orElse(null);
    }

    private static void checkKnown(Set<String> names, String what, List<String> referenced) {
        for (String name : referenced) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(
                        String.format(
                                "%s names %s, which is not a comparison row; rows are %s",
                                what, name, names));
            }
        }
    }

    /**
     * Builds a {@link ComparisonResult}: {@code set} the context and the objective, {@code add}
     * rows (strategies first, then baselines), curves and projections, {@code opt} a grid.
     */
    public static final class Builder {
        private ComparisonContext context;
        private ComparisonObjective objective;
        private final List<ComparisonRow> rows = new ArrayList<>();
        private final List<LossCurve> curves = new ArrayList<>();
        private ReconstructionGrid grid;
        private final List<LatentProjection> projections = new ArrayList<>();

        private Builder() {}

        public Builder setContext(ComparisonContext context) {
            this.context = context;
            return this;
        }

        /** The objective the user asked for; {@link Recommendation#decide} may fall back. */
        public Builder setObjective(ComparisonObjective objective) {
            this.objective = objective;
            return this;
        }

        public Builder addRow(ComparisonRow row) {
            rows.add(row);
            return this;
        }

        public Builder addCurve(LossCurve curve) {
            curves.add(curve);
            return this;
        }

        public Builder optGrid(ReconstructionGrid grid) {
            this.grid = grid;
            return this;
        }

        public Builder addProjection(LatentProjection projection) {
            projections.add(projection);
            return this;
        }

        /**
         * Decides the recommendation and builds the result.
         *
         * @throws IllegalStateException if the context or the objective was not set
         * @throws IllegalArgumentException if the rows cannot be ranked, a name repeats, or a
         *     curve, projection or grid row names no row
         */
        public ComparisonResult build() {
            if (context == null || objective == null) {
                throw new IllegalStateException(
                        "set the context and the objective before building a comparison result");
            }
            Recommendation recommendation = Recommendation.decide(rows, objective);
            return new ComparisonResult(context, recommendation, rows, curves, grid, projections);
        }
    }
}
