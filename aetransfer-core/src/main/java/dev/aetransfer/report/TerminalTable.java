package dev.aetransfer.report;

import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.Recommendation;
import dev.aetransfer.experiment.RowKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as plain text for stdout: a line of context, one table row per strategy and
 * baseline ({@code mean±std} over seeds, {@code —} where a figure does not apply, {@code *} on the
 * best value of each figure), a legend, then the recommendation, its reason and its notes. Lines
 * stay within 120 columns for nine strategies over several seeds; prose wraps at {@value #WIDTH}.
 */
public final class TerminalTable {

    /** Column at which the recommendation's prose wraps. */
    public static final int WIDTH = 100;

    private static final String GAP = "  ";

    private TerminalTable() {}

    /** The whole text, lines ending in {@code \n}. */
    public static String render(ComparisonResult result) {
        StringBuilder out = new StringBuilder();
        out.append(contextLine(result.context())).append("\n\n");
        table(result, out);
        out.append('\n');

        Recommendation recommendation = result.recommendation();
        out.append(
                String.format(
                        "Recommended (objective %s): %s\n",
                        recommendation.objective().cliName(), recommendation.recommended()));
        wrap(recommendation.reason(), "  ", "  ", out);
        for (String note : recommendation.notes()) {
            wrap(note, "  - ", "    ", out);
        }
        return out.toString();
    }

    /** {@code textures:target: 600 training and 150 held-out samples, 5 classes; from …}. */
    static String contextLine(ComparisonContext context) {
        String classes =
                context.labelled()
                        ? String.format("%d classes", context.classNames().size())
                        : "no labels";
        return String.format(
                Locale.ROOT,
                "%s: %d training and %d held-out samples, %s; from %s; %s; %.0f s",
                context.dataOrigin(),
                context.trainSize(),
                context.testSize(),
                classes,
                context.pretrainedModel(),
                context.runs(),
                context.totalSeconds());
    }

    private static void table(ComparisonResult result, StringBuilder out) {
        List<ComparisonRow> rows = result.rows();
        List<Columns.Column> columns =
                List.of(
                        Columns.mse(),
                        Columns.psnr(),
                        Columns.ssim(),
                        Columns.probe(),
                        Columns.knn(),
                        Columns.overfitGap());
        List<List<Columns.Cell>> cells = new ArrayList<>();
        for (Columns.Column column : columns) {
            cells.add(column.cells(rows));
        }
        List<String> seconds =
                Columns.seconds().cells(rows).stream().map(cell -> cell.text(true)).toList();
        List<String> params = rows.stream().map(Columns::params).toList();

        // Each figure column is followed by one character for the best-value mark.
        int nameWidth = "strategy".length();
        for (ComparisonRow row : rows) {
            nameWidth = Math.max(nameWidth, row.name().length());
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (Columns.Cell cell : cells.get(c)) {
                widths[c] = Math.max(widths[c], cell.text(true).length());
            }
        }
        int paramsWidth = widest("params", params);
        int secondsWidth = widest("seconds", seconds);

        StringBuilder header = new StringBuilder("   ").append(pad("strategy", nameWidth));
        for (int c = 0; c < columns.size(); c++) {
            header.append(GAP).append(leftPad(columns.get(c).header(), widths[c])).append(' ');
        }
        header.append(GAP).append(leftPad("params", paramsWidth));
        header.append(GAP).append(leftPad("seconds", secondsWidth));
        out.append(header.toString().stripTrailing()).append('\n');

        Recommendation recommendation = result.recommendation();
        boolean baselinesStarted = false;
        for (int r = 0; r < rows.size(); r++) {
            ComparisonRow row = rows.get(r);
            if (row.kind() == RowKind.BASELINE && !baselinesStarted) {
                baselinesStarted = true;
                out.append("   baselines\n");
            }
            StringBuilder line = new StringBuilder();
            line.append(row.name().equals(recommendation.recommended()) ? '>' : ' ');
            line.append(recommendation.overfitting().contains(row.name()) ? '!' : ' ');
            line.append(' ').append(pad(row.name(), nameWidth));
            for (int c = 0; c < columns.size(); c++) {
                Columns.Cell cell = cells.get(c).get(r);
                line.append(GAP).append(leftPad(cell.text(true), widths[c]));
                line.append(cell.best() ? '*' : ' ');
            }
            line.append(GAP).append(leftPad(params.get(r), paramsWidth));
            line.append(GAP).append(leftPad(seconds.get(r), secondsWidth));
            out.append(line.toString().stripTrailing()).append('\n');
        }

        int seeds = rows.stream().mapToInt(ComparisonRow::seeds).max().orElse(1);
        String spread = seeds > 1 ? String.format("   mean±std over %d seeds", seeds) : "";
        out.append(
                String.format(
                        "\n> recommended   ! overfits   * best in column   — does not apply%s\n",
                        spread));
    }

    private static int widest(String header, List<String> values) {
        int width = header.length();
        for (String value : values) {
            width = Math.max(width, value.length());
        }
        return width;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String leftPad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** Appends {@code text} word-wrapped at {@link #WIDTH}, each line indented. */
    static void wrap(String text, String first, String rest, StringBuilder out) {
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                start = rest.length();
            } else if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
