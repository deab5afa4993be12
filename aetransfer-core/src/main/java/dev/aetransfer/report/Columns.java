package dev.aetransfer.report;

import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The columns of the results table, shared by the terminal and the HTML table: how each figure is
 * formatted and which value in a column is the best.
 */
final class Columns {

    /** Shown where a figure does not apply. */
    static final String ABSENT = "—";

    private Columns() {}

    /** What counts as the best value of a column. */
    enum Best {
        HIGHER,
        LOWER,
        NEAREST_ZERO,
        NONE
    }

    /**
     * A formatted figure and whether it is the best of its column.
     *
     * @param mean the mean as shown, or {@link #ABSENT}
     * @param std the standard deviation as shown, or null for one seed or an absent figure
     * @param best true for the best value of the column
     */
    record Cell(String mean, String std, boolean best) {

        /**
         * {@code mean±std} when {@code compact}, else {@code mean ± std}; the mean alone for one
         * seed.
         */
        String text(boolean compact) {
            if (std == null) {
                return mean;
            }
            return compact ? mean + "±" + std : mean + " ± " + std;
        }

        boolean absent() {
            return mean.equals(ABSENT);
        }
    }

    /**
     * A column of figures.
     *
     * @param header the column's heading
     * @param figure the figure of a row, or null where it does not apply
     * @param best which value is marked as the best
     * @param scale factor applied before formatting (100 shows a fraction as a percentage)
     * @param decimals decimal places, decided from all the rows so that a column lines up
     */
    record Column(
            String header,
            Function<ComparisonRow, Stat> figure,
            Best best,
            double scale,
            ToIntFunction<List<ComparisonRow>> decimals) {

        /** One cell per row. */
        List<Cell> cells(List<ComparisonRow> rows) {
            int places = decimals.applyAsInt(rows);
            String bestText = bestText(rows, places);
            List<Cell> cells = new ArrayList<>();
            for (ComparisonRow row : rows) {
                Stat stat = figure.apply(row);
                if (stat == null) {
                    cells.add(new Cell(ABSENT, null, false));
                    continue;
                }
                String mean = mean(stat, places);
                String std =
                        row.seeds() > 1
                                ? String.format(
                                        Locale.ROOT, "%." + places + "f", stat.std() * scale)
                                : null;
                cells.add(new Cell(mean, std, mean.equals(bestText)));
            }
            return cells;
        }

        private String mean(Stat stat, int places) {
            return String.format(Locale.ROOT, "%." + places + "f", stat.mean() * scale);
        }

        /** The best mean as displayed, so that values equal on screen are all marked. */
        private String bestText(List<ComparisonRow> rows, int places) {
            Stat winner = null;
            for (ComparisonRow row : rows) {
                Stat stat = figure.apply(row);
                if (stat != null && (winner == null || better(stat, winner))) {
                    winner = stat;
                }
            }
            return best == Best.NONE || winner == null ? null : mean(winner, places);
        }

        private boolean better(Stat a, Stat b) {
            return switch (best) {
                case HIGHER -> a.mean() > b.mean();
                case LOWER -> a.mean() < b.mean();
                case NEAREST_ZERO -> Math.abs(a.mean()) < Math.abs(b.mean());
                case NONE -> false;
            };
        }
    }

    static Column mse() {
        return new Column(
                "MSE",
                ComparisonRow::reconMse,
                Best.LOWER,
                1,
                significant(ComparisonRow::reconMse));
    }

    static Column psnr() {
        return new Column(
                "PSNR dB", ComparisonRow::psnr, Best.HIGHER, 1, significant(ComparisonRow::psnr));
    }

    static Column ssim() {
        return new Column("SSIM", ComparisonRow::ssim, Best.HIGHER, 1, rows -> 3);
    }

    static Column probe() {
        return new Column("probe %", ComparisonRow::probeAccuracy, Best.HIGHER, 100, rows -> 1);
    }

    static Column knn() {
        return new Column("kNN %", ComparisonRow::knnAccuracy, Best.HIGHER, 100, rows -> 1);
    }

    /** In MSE units, with the MSE column's decimals so that the two read together. */
    static Column overfitGap() {
        return new Column(
                "overfit gap",
                ComparisonRow::overfitGap,
                Best.NEAREST_ZERO,
                1,
                significant(ComparisonRow::reconMse));
    }

    static Column elbo() {
        return new Column(
                "ELBO", ComparisonRow::elbo, Best.HIGHER, 1, significant(ComparisonRow::elbo));
    }

    static Column kl() {
        return new Column("KL", ComparisonRow::kl, Best.NONE, 1, significant(ComparisonRow::kl));
    }

    static Column activeUnits() {
        return new Column("active units", ComparisonRow::activeUnits, Best.NONE, 1, rows -> 1);
    }

    static Column seconds() {
        return new Column("seconds", ComparisonRow::trainSeconds, Best.NONE, 1, rows -> 1);
    }

    /** True when some row has the figure, so that a column of dashes can be left out. */
    static boolean anyHas(List<ComparisonRow> rows, Column column) {
        return rows.stream().map(column.figure()).anyMatch(Objects::nonNull);
    }

    /** Trainable parameters, short: {@code 950}, {@code 12.3k}, {@code 1.23M}. */
    static String params(ComparisonRow row) {
        Long params = row.trainableParams();
        if (params == null) {
            return ABSENT;
        }
        if (params < 1_000) {
            return Long.toString(params);
        }
        if (params < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", params / 1e3);
        }
        return String.format(Locale.ROOT, "%.2fM", params / 1e6);
    }

    /** Three significant digits of the column's largest mean. */
    private static ToIntFunction<List<ComparisonRow>> significant(
            Function<ComparisonRow, Stat> figure) {
        return rows -> {
            double largest = 0;
            for (ComparisonRow row : rows) {
                Stat stat = figure.apply(row);
                if (stat != null) {
                    largest = Math.max(largest, Math.abs(stat.mean()));
                }
            }
            return Stat.decimalsFor(largest);
        };
    }
}
