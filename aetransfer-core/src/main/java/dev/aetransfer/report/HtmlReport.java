package dev.aetransfer.report;

import dev.aetransfer.Versions;
import dev.aetransfer.data.ContactSheet;
import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.LatentProjection;
import dev.aetransfer.experiment.LossCurve;
import dev.aetransfer.experiment.Recommendation;
import dev.aetransfer.experiment.ReconstructionGrid;
import dev.aetransfer.experiment.RowKind;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (CSS inline, every image a {@code data:} URI, no
 * request to anywhere) with the context, the recommendation and its reason, the results table, the
 * reconstruction-against-probe chart, loss curves per strategy, the reconstruction grid and the
 * latent projections coloured by class. Charts come from XChart; rendering sets {@code
 * java.awt.headless=true} unless the property is already set.
 */
public final class HtmlReport {

    private static final String STYLE =
            """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
            color:#222;margin:0;background:#f6f7f9;line-height:1.45}
            main{max-width:1240px;margin:0 auto;padding:24px 32px 48px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px}
            .context{color:#555;margin:0 0 20px}
            section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;
            padding:4px 20px 16px;margin:0 0 20px}
            .pick{border-left:6px solid #2ca02c}.pick h2{font-size:22px}
            .pick .objective{color:#555;margin-top:-4px}
            .notes li{color:#8a4b00}
            code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;background:#f0f2f4;
            padding:1px 4px;border-radius:3px}
            table.results{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;
            font-size:14px}
            .results th,.results td{padding:5px 7px;border-bottom:1px solid #eceef1;
            text-align:right;white-space:nowrap}
            .results th{background:#fafbfc;font-weight:600;border-bottom:2px solid #d0d4d9}
            .results th:first-child,.results td:first-child{text-align:left}
            .results tr.recommended td{background:#eaf6ea}
            .results tr.first-baseline td{border-top:2px solid #d0d4d9}
            .results td.best{font-weight:700}
            .results td.best .mean::after{content:"*";color:#2ca02c;margin-right:-8px;
            padding-left:1px}
            .results td.absent{color:#aaa}
            .results .sd{display:block;color:#777;font-size:12px;font-weight:400;line-height:1.1}
            .scroll{overflow-x:auto}
            .tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;
            margin-left:6px;vertical-align:1px}
            .tag.rec{background:#2ca02c;color:#fff}.tag.over{background:#fde7d3;color:#8a4b00}
            .tag.base{background:#eceef1;color:#555}
            .legend{color:#555;font-size:13px}
            .swatch{display:inline-block;width:11px;height:11px;border-radius:50%;
            margin:0 4px 0 12px;vertical-align:-1px}
            .multiples{display:flex;flex-wrap:wrap;gap:12px}
            figure{margin:0}figcaption{font-size:14px;font-weight:600;margin:0 0 2px 4px}
            figcaption span{font-weight:400;color:#666;font-size:13px}
            figure img{display:block;border:1px solid #eceef1}
            img.sheet{display:block;max-width:100%}
            footer{color:#888;font-size:12px;margin-top:24px}
            """;

    private HtmlReport() {}

    /** The whole page as text. */
    public static String render(ComparisonResult result) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ComparisonContext context = result.context();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append(
                String.format(
                        "<title>aetransfer comparison: %s</title>\n",
                        escape(context.dataOrigin())));
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append(
                String.format(
                        "<h1>Which transfer strategy for %s?</h1>\n",
                        escape(context.dataOrigin())));
        html.append(String.format("<p class=\"context\">%s</p>\n", contextText(context)));

        recommendation(result.recommendation(), html);
        table(result, html);
        tradeOff(result, html);
        lossCurves(result, html);
        grid(result, html);
        projections(result, html);

        html.append(
                """
                <footer>aetransfer %s, DJL %s, PyTorch %s. Every figure is measured on the \
                target's held-out split.</footer>
                """
                        .formatted(
                                escape(Versions.aetransfer()),
                                escape(Versions.djl()),
                                escape(Versions.pytorch())));
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String contextText(ComparisonContext context) {
        String classes =
                context.labelled()
                        ? String.format(
                                "%d classes (%s)",
                                context.classNames().size(),
                                escape(String.join(", ", context.classNames())))
                        : "no labels";
        return String.format(
                Locale.ROOT,
                """
                Fine-tuned from <code>%s</code> on %d training samples, measured on %d held-out \
                samples; %s; %s; %.0f s in all.""",
                escape(context.pretrainedModel()),
                context.trainSize(),
                context.testSize(),
                classes,
                context.runs(),
                context.totalSeconds());
    }

    private static void recommendation(Recommendation recommendation, StringBuilder html) {
        String ranking =
                switch (recommendation.objective()) {
                    case PROBE -> "Ranked by linear-probe accuracy on the latent means";
                    case RECON -> "Ranked by held-out reconstruction MSE";
                };
        html.append("<section class=\"pick\">\n");
        html.append(
                String.format(
                        "<h2>Use <code>%s</code></h2>\n", escape(recommendation.recommended())));
        html.append(
                String.format(
                        "<p class=\"objective\">%s (<code>--objective %s</code>).</p>\n",
                        ranking, recommendation.objective().cliName()));
        html.append(String.format("<p>%s</p>\n", escape(recommendation.reason())));
        if (!recommendation.notes().isEmpty()) {
            html.append("<ul class=\"notes\">\n");
            for (String note : recommendation.notes()) {
                html.append(String.format("<li>%s</li>\n", escape(note)));
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private static void table(ComparisonResult result, StringBuilder html) {
        List<ComparisonRow> rows = result.rows();
        List<Columns.Column> columns = new ArrayList<>();
        columns.add(Columns.mse());
        columns.add(Columns.psnr());
        columns.add(Columns.ssim());
        for (Columns.Column optional : List.of(Columns.elbo(), Columns.kl())) {
            if (Columns.anyHas(rows, optional)) {
                columns.add(optional);
            }
        }
        columns.add(Columns.probe());
        columns.add(Columns.knn());
        columns.add(Columns.overfitGap());
        if (Columns.anyHas(rows, Columns.activeUnits())) {
            columns.add(Columns.activeUnits());
        }
        columns.add(Columns.seconds());
        List<List<Columns.Cell>> cells = new ArrayList<>();
        for (Columns.Column column : columns) {
            cells.add(column.cells(rows));
        }

        html.append("<section>\n<h2>Results</h2>\n<div class=\"scroll\">\n");
        html.append("<table class=\"results\">\n<tr><th>strategy</th>");
        for (Columns.Column column : columns) {
            html.append(String.format("<th>%s</th>", escape(column.header())));
        }
        html.append("<th>trainable params</th></tr>\n");

        Recommendation recommendation = result.recommendation();
        boolean baselinesStarted = false;
        for (int r = 0; r < rows.size(); r++) {
            ComparisonRow row = rows.get(r);
            List<String> classes = new ArrayList<>();
            if (row.name().equals(recommendation.recommended())) {
                classes.add("recommended");
            }
            if (row.kind() == RowKind.BASELINE && !baselinesStarted) {
                baselinesStarted = true;
                classes.add("first-baseline");
            }
            html.append(
                    classes.isEmpty()
                            ? "<tr>"
                            : String.format("<tr class=\"%s\">", String.join(" ", classes)));
            html.append("<td>").append(escape(row.name()));
            if (row.name().equals(recommendation.recommended())) {
                html.append("<span class=\"tag rec\">recommended</span>");
            }
            if (recommendation.overfitting().contains(row.name())) {
                html.append("<span class=\"tag over\">overfits</span>");
            }
            if (row.kind() == RowKind.BASELINE) {
                html.append("<span class=\"tag base\">baseline</span>");
            }
            html.append("</td>");
            for (List<Columns.Cell> column : cells) {
                Columns.Cell cell = column.get(r);
                String style =
                        cell.best() ? " class=\"best\"" : cell.absent() ? " class=\"absent\"" : "";
                String std =
                        cell.std() == null
                                ? ""
                                : String.format("<span class=\"sd\">± %s</span>", cell.std());
                html.append(
                        String.format(
                                "<td%s><span class=\"mean\">%s</span>%s</td>",
                                style, escape(cell.mean()), std));
            }
            String params = Columns.params(row);
            html.append(
                    String.format(
                            "<td%s>%s</td></tr>\n",
                            params.equals(Columns.ABSENT) ? " class=\"absent\"" : "",
                            escape(params)));
        }
        html.append("</table>\n</div>\n");
        int seeds = rows.stream().mapToInt(ComparisonRow::seeds).max().orElse(1);
        String spread =
                seeds > 1
                        ? String.format("Mean ± standard deviation over %d seeds.", seeds)
                        : "One seed.";
        html.append(
                """
                <p class="legend">%s <b>*</b> marks the best value of a column; — means the \
                figure does not apply. MSE is per value on data in [0, 1]; the overfit gap is \
                held-out minus training MSE; probe and kNN accuracies are on the latent means.</p>
                </section>
                """
                        .formatted(spread));
    }

    private static void tradeOff(ComparisonResult result, StringBuilder html) {
        byte[] chart = Charts.tradeOff(result.rows(), result.recommendation());
        html.append("<section>\n<h2>Reconstruction against features</h2>\n");
        if (chart == null) {
            html.append(
                    """
                    <p>No strategy has a probe accuracy (the target has no labels), so there is \
                    no trade-off to draw.</p>
                    </section>
                    """);
            return;
        }
        html.append(
                """
                <p class="legend">One point per strategy and baseline: further left reconstructs \
                the held-out images better, higher gives latent features that a linear classifier \
                separates better. A low MSE alone can mislead.</p>
                """);
        html.append(
                String.format("<img alt=\"MSE against probe accuracy\" src=\"%s\">\n", png(chart)));
        html.append(
                """
                <p class="legend"><span class="swatch" style="background:%s"></span>recommended\
                <span class="swatch" style="background:%s"></span>strategy\
                <span class="swatch" style="background:%s"></span>overfits\
                <span class="swatch" style="background:%s"></span>baseline (square; a dashed \
                line when it has no reconstruction). Bars: ± one standard deviation of the probe \
                accuracy.</p>
                </section>
                """
                        .formatted(
                                Charts.css(Charts.RECOMMENDED),
                                Charts.css(Charts.STRATEGY),
                                Charts.css(Charts.OVERFITTING),
                                Charts.css(Charts.BASELINE)));
    }

    /** Losses spanning more than this factor are drawn on a logarithmic scale. */
    private static final double LOG_SCALE_RATIO = 20;

    private static void lossCurves(ComparisonResult result, StringBuilder html) {
        if (result.curves().isEmpty()) {
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (LossCurve curve : result.curves()) {
            for (double[] values : List.of(curve.trainLoss(), curve.validationLoss())) {
                for (double value : values) {
                    if (Double.isFinite(value)) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
        }
        if (!(high >= low)) {
            return;
        }
        double pad = Math.max((high - low) * 0.05, Math.abs(high) * 1e-3 + 1e-12);
        // A diverging epoch (a VAE's KL can spike by orders of magnitude) would flatten every other
        // curve on a linear scale.
        boolean logarithmic = low > 0 && high / low > LOG_SCALE_RATIO;
        double yMin = logarithmic ? low / 1.1 : Math.max(0, low - pad);
        double yMax = logarithmic ? high * 1.1 : high + pad;

        html.append("<section>\n<h2>Loss curves</h2>\n");
        html.append(
                """
                <p class="legend">Mean loss per sample by epoch over the seeds, all on one %s:\
                <span class="swatch" style="background:%s"></span>training\
                <span class="swatch" style="background:%s"></span>held-out. A held-out curve that \
                rises while the training curve falls is overfitting.</p>
                <div class="multiples">
                """
                        .formatted(
                                logarithmic ? "logarithmic scale" : "scale",
                                Charts.css(Charts.TRAINING),
                                Charts.css(Charts.HELD_OUT)));
        for (LossCurve curve : result.curves()) {
            byte[] chart = Charts.lossCurve(curve, new double[] {yMin, yMax}, logarithmic);
            if (chart != null) {
                figure(curve.name(), "", "loss curves of " + curve.name(), chart, html);
            }
        }
        html.append("</div>\n</section>\n");
    }

    private static void grid(ComparisonResult result, StringBuilder html) {
        ReconstructionGrid grid = result.grid();
        if (grid == null) {
            return;
        }
        // Each row is labelled with its MSE as the table shows it, the column's decimals.
        List<Columns.Cell> mse = Columns.mse().cells(result.rows());
        List<String> labels = new ArrayList<>();
        List<List<float[]>> rows = new ArrayList<>();
        labels.add("original");
        rows.add(grid.originals());
        for (Map.Entry<String, List<float[]>> entry : grid.reconstructions().entrySet()) {
            ComparisonRow row = result.row(entry.getKey());
            Columns.Cell cell = row == null ? null : mse.get(result.rows().indexOf(row));
            labels.add(
                    cell == null || cell.absent()
                            ? entry.getKey()
                            : String.format("%s  (MSE %s)", entry.getKey(), cell.mean()));
            rows.add(entry.getValue());
        }
        BufferedImage sheet = ContactSheet.renderRows(grid.shape(), labels, rows);

        html.append("<section>\n<h2>Reconstructions</h2>\n");
        html.append(
                """
                <p class="legend">The same %d held-out images (top row) and their reconstructions \
                from the latent means by each strategy and baseline, first seed.</p>
                <img class="sheet" alt="reconstruction grid" src="%s">
                </section>
                """
                        .formatted(grid.size(), png(ImagePng.encode(sheet))));
    }

    private static void projections(ComparisonResult result, StringBuilder html) {
        if (result.projections().isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>Latent space</h2>\n");
        html.append(
                """
                <p class="legend">Held-out latent means projected on their two principal \
                components, one panel per strategy and baseline, coloured by class. Classes that \
                form separate clusters are what a probe can use.""");
        List<String> classNames = result.context().classNames();
        if (!classNames.isEmpty()) {
            html.append("<br>");
            for (int c = 0; c < classNames.size(); c++) {
                html.append(
                        String.format(
                                "<span class=\"swatch\" style=\"background:%s\"></span>%s",
                                Charts.css(Charts.PALETTE[c % Charts.PALETTE.length]),
                                escape(classNames.get(c))));
            }
        }
        html.append("</p>\n<div class=\"multiples\">\n");
        for (LatentProjection projection : result.projections()) {
            byte[] chart = Charts.projection(projection);
            if (chart != null) {
                String variance =
                        String.format(
                                Locale.ROOT,
                                "%.0f%% of variance",
                                100 * projection.explainedVariance());
                figure(
                        projection.name(),
                        variance,
                        "latent projection of " + projection.name(),
                        chart,
                        html);
            }
        }
        html.append("</div>\n</section>\n");
    }

    /** A small multiple: the caption names the row and adds {@code detail} in grey. */
    private static void figure(
            String name, String detail, String alt, byte[] png, StringBuilder html) {
        String caption =
                detail.isEmpty()
                        ? escape(name)
                        : String.format("%s <span>· %s</span>", escape(name), escape(detail));
        html.append(
                String.format(
                        "<figure><figcaption>%s</figcaption><img alt=\"%s\" src=\"%s\"></figure>\n",
                        caption, escape(alt), png(png)));
    }

    private static String png(byte[] bytes) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
