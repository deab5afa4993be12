package dev.aetransfer.report;

import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.LatentProjection;
import dev.aetransfer.experiment.LossCurve;
import dev.aetransfer.experiment.Recommendation;
import dev.aetransfer.experiment.RowKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn by XChart and encoded as PNG. Needs AWT headless or a display. */
final class Charts {

    /** Class colours of the latent projections (Tableau 10), reused past ten classes. */
    static final Color[] PALETTE = {
        new Color(0x4E79A7),
        new Color(0xF28E2B),
        new Color(0xE15759),
        new Color(0x76B7B2),
        new Color(0x59A14F),
        new Color(0xEDC948),
        new Color(0xB07AA1),
        new Color(0xFF9DA7),
        new Color(0x9C755F),
        new Color(0xBAB0AC)
    };

    static final Color STRATEGY = new Color(0x4E79A7);
    static final Color RECOMMENDED = new Color(0x2CA02C);
    static final Color OVERFITTING = new Color(0xE8710A);
    static final Color BASELINE = new Color(0x7F7F7F);
    static final Color UNLABELLED = new Color(0x4E79A7);
    static final Color TRAINING = new Color(0x4E79A7);
    static final Color HELD_OUT = new Color(0xE8710A);

    private static final int TRADE_OFF_WIDTH = 1000;
    private static final int TRADE_OFF_HEIGHT = 560;

    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLES = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {}

    /**
     * Held-out MSE (x) against linear-probe accuracy in percent (y), one labelled point per row
     * with both figures and a vertical error bar of one standard deviation; a row with a probe
     * accuracy but no reconstruction (raw pixels) is a dashed horizontal line. Null when fewer than
     * one row has both figures.
     */
    static byte[] tradeOff(List<ComparisonRow> rows, Recommendation recommendation) {
        List<ComparisonRow> points =
                rows.stream()
                        .filter(row -> row.reconMse() != null && row.probeAccuracy() != null)
                        .toList();
        if (points.isEmpty()) {
            return null;
        }
        List<ComparisonRow> lines =
                rows.stream()
                        .filter(row -> row.reconMse() == null && row.probeAccuracy() != null)
                        .toList();

        // Axis ranges with room for the labels above the points.
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (ComparisonRow row : points) {
            xMin = Math.min(xMin, row.reconMse().mean());
            xMax = Math.max(xMax, row.reconMse().mean());
            yMin = Math.min(yMin, 100 * (row.probeAccuracy().mean() - row.probeAccuracy().std()));
            yMax = Math.max(yMax, 100 * (row.probeAccuracy().mean() + row.probeAccuracy().std()));
        }
        for (ComparisonRow row : lines) {
            yMin = Math.min(yMin, 100 * row.probeAccuracy().mean());
            yMax = Math.max(yMax, 100 * row.probeAccuracy().mean());
        }
        double xPad = Math.max((xMax - xMin) * 0.12, Math.max(xMax, 1e-6) * 0.05);
        double yPad = Math.max((yMax - yMin) * 0.12, 2);
        xMin = Math.max(0, xMin - xPad);
        xMax = xMax + xPad;
        yMin = Math.max(0, yMin - yPad);
        yMax = Math.min(100, yMax + yPad);

        XYChart chart =
                new XYChartBuilder()
                        .width(TRADE_OFF_WIDTH)
                        .height(TRADE_OFF_HEIGHT)
                        .xAxisTitle("held-out reconstruction MSE (lower is better)")
                        .yAxisTitle("linear-probe accuracy % (higher is better)")
                        .build();
        XYStyler styler = style(chart);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendVisible(false);
        styler.setMarkerSize(11);
        styler.setErrorBarsColorSeriesColor(true);
        // The axes span exactly the padded ranges, so that labels can be placed in pixels.
        styler.setPlotContentSize(1.0);
        styler.setXAxisMin(xMin);
        styler.setXAxisMax(xMax);
        styler.setYAxisMin(yMin);
        styler.setYAxisMax(yMax);
        styler.setXAxisDecimalPattern(decimalPattern(xMax));
        styler.setYAxisDecimalPattern("0");
        styler.setAnnotationTextFont(LABELS);
        styler.setAnnotationTextFontColor(new Color(0x222222));
        styler.setAnnotationLineColor(BASELINE);
        styler.setAnnotationLineStroke(SeriesLines.DASH_DASH);

        Labels labels = new Labels(xMin, xMax, yMin, yMax);
        for (ComparisonRow row : points) {
            double x = row.reconMse().mean();
            double y = 100 * row.probeAccuracy().mean();
            XYSeries series =
                    chart.addSeries(
                            row.name(),
                            new double[] {x},
                            new double[] {y},
                            new double[] {100 * row.probeAccuracy().std()});
            series.setMarkerColor(colour(row, recommendation));
            series.setLineColor(colour(row, recommendation));
            series.setMarker(
                    row.kind() == RowKind.BASELINE ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
            labels.point(x, y, 100 * row.probeAccuracy().std());
        }
        for (ComparisonRow row : lines) {
            double y = 100 * row.probeAccuracy().mean();
            chart.addAnnotation(new AnnotationLine(y, false, false));
            labels.line(y);
        }

        // The recommended strategy is labelled first, so that it gets the clearest place.
        List<ComparisonRow> byPriority = new ArrayList<>(points);
        byPriority.sort(
                Comparator.comparing(row -> !row.name().equals(recommendation.recommended())));
        for (ComparisonRow row : byPriority) {
            String text =
                    row.name().equals(recommendation.recommended())
                            ? row.name() + " (recommended)"
                            : row.name();
            double[] at =
                    labels.place(text, row.reconMse().mean(), 100 * row.probeAccuracy().mean());
            chart.addAnnotation(new AnnotationText(text, at[0], at[1], false));
        }
        for (ComparisonRow row : lines) {
            String text = row.name() + " (probe only)";
            double[] at =
                    labels.place(
                            text, xMin + (xMax - xMin) * 0.1, 100 * row.probeAccuracy().mean());
            chart.addAnnotation(new AnnotationText(text, at[0], at[1], false));
        }
        return png(chart);
    }

    /**
     * Training and held-out loss by epoch for one strategy, on a shared y range {@code {min, max}}
     * so that the small multiples compare, linear or logarithmic. Null when the curve has no finite
     * value.
     */
    static byte[] lossCurve(LossCurve curve, double[] yRange, boolean logarithmic) {
        double yMin = yRange[0];
        double yMax = yRange[1];
        double[][] training = finite(curve.trainLoss());
        double[][] heldOut = finite(curve.validationLoss());
        if (training[0].length == 0 && heldOut[0].length == 0) {
            return null;
        }

        XYChart chart =
                new XYChartBuilder()
                        .width(364)
                        .height(240)
                        .xAxisTitle("epoch")
                        .yAxisTitle("loss per sample")
                        .build();
        XYStyler styler = style(chart);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setLegendVisible(false);
        styler.setMarkerSize(5);
        styler.setYAxisLogarithmic(logarithmic);
        styler.setYAxisMin(yMin);
        styler.setYAxisMax(yMax);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern(decimalPattern(yMax));
        if (training[0].length > 0) {
            XYSeries series = chart.addSeries("training", training[0], training[1]);
            series.setLineColor(TRAINING);
            series.setMarkerColor(TRAINING);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        if (heldOut[0].length > 0) {
            XYSeries series = chart.addSeries("held-out", heldOut[0], heldOut[1]);
            series.setLineColor(HELD_OUT);
            series.setMarkerColor(HELD_OUT);
            series.setMarker(SeriesMarkers.DIAMOND);
        }
        return png(chart);
    }

    /** The 2-D latent projection of one row, points coloured by class through {@link #PALETTE}. */
    static byte[] projection(LatentProjection projection) {
        XYChart chart = new XYChartBuilder().width(266).height(250).build();
        XYStyler styler = style(chart);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendVisible(false);
        styler.setMarkerSize(5);
        styler.setAxisTitlesVisible(false);
        styler.setXAxisDecimalPattern("0.#");
        styler.setYAxisDecimalPattern("0.#");

        double[] x = projection.x();
        double[] y = projection.y();
        int[] labels = projection.labels();
        int classes = Math.max(1, projection.classNames().size());
        int drawn = 0;
        for (int c = -1; c < classes; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(c < 0 ? "unlabelled" : "class " + c, xs, ys);
            series.setMarkerColor(c < 0 ? UNLABELLED : PALETTE[c % PALETTE.length]);
            series.setMarker(SeriesMarkers.CIRCLE);
            drawn++;
        }
        if (drawn == 0) {
            return null;
        }
        return png(chart);
    }

    /** CSS colour of {@code colour}, for legends drawn in HTML. */
    static String css(Color colour) {
        return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
    }

    static Color colour(ComparisonRow row, Recommendation recommendation) {
        if (row.name().equals(recommendation.recommended())) {
            return RECOMMENDED;
        }
        if (row.kind() == RowKind.BASELINE) {
            return BASELINE;
        }
        return recommendation.overfitting().contains(row.name()) ? OVERFITTING : STRATEGY;
    }

    private static XYStyler style(XYChart chart) {
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xCCCCCC));
        styler.setPlotGridLinesColor(new Color(0xE6E6E6));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleVisible(false);
        styler.setAxisTickLabelsFont(TICKS);
        styler.setAxisTitleFont(TITLES);
        styler.setLegendFont(TICKS);
        styler.setLegendBorderColor(new Color(0xDDDDDD));
        styler.setChartPadding(8);
        styler.setAntiAlias(true);
        return styler;
    }

    /**
     * Places point labels where they overlap neither each other nor the points, trying positions
     * around each point in turn. Works in approximate pixels of the trade-off chart's plot area.
     */
    private static final class Labels {
        private static final double LEFT = 55;
        private static final double RIGHT = 10;
        private static final double TOP = 8;
        private static final double BOTTOM = 52;
        private static final double CHAR_WIDTH = 7;
        private static final double HEIGHT = 15;
        private static final double MARKER = 8;

        private final double xMin;
        private final double xRange;
        private final double yMax;
        private final double yRange;
        private final double width = TRADE_OFF_WIDTH - LEFT - RIGHT;
        private final double height = TRADE_OFF_HEIGHT - TOP - BOTTOM;
        private final List<double[]> taken = new ArrayList<>();

        Labels(double xMin, double xMax, double yMin, double yMax) {
            this.xMin = xMin;
            this.xRange = xMax - xMin;
            this.yMax = yMax;
            this.yRange = yMax - yMin;
        }

        /** A point and its error bar of {@code ± error}, which labels keep clear of. */
        void point(double x, double y, double error) {
            double px = px(x);
            double py = py(y);
            taken.add(new double[] {px - MARKER, py - MARKER, px + MARKER, py + MARKER});
            taken.add(new double[] {px - 4, py(y + error), px + 4, py(y - error)});
        }

        void line(double y) {
            double py = py(y);
            taken.add(new double[] {0, py - 2, width, py + 2});
        }

        /** Data coordinates of the centre of a label for the point at {@code (x, y)}. */
        double[] place(String text, double x, double y) {
            double w = text.length() * CHAR_WIDTH;
            double h = HEIGHT;
            double[][] offsets = {
                {0, -(MARKER + h / 2 + 2)},
                {0, MARKER + h / 2 + 2},
                {w / 2 + MARKER + 5, 0},
                {-(w / 2 + MARKER + 5), 0},
                {w / 2 + 4, -(h + 2)},
                {-(w / 2 + 4), -(h + 2)},
                {w / 2 + 4, h + 2},
                {-(w / 2 + 4), h + 2},
                {0, -(MARKER + 1.5 * h + 4)},
                {0, MARKER + 1.5 * h + 4}
            };
            double px = px(x);
            double py = py(y);
            double[] chosen = null;
            for (double[] offset : offsets) {
                double cx = px + offset[0];
                double cy = py + offset[1];
                double[] box = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
                boolean inside = box[0] >= 0 && box[2] <= width && box[1] >= 0 && box[3] <= height;
                if (inside && taken.stream().noneMatch(other -> overlap(box, other))) {
                    chosen = box;
                    break;
                }
            }
            if (chosen == null) {
                double cy = py + offsets[0][1];
                chosen = new double[] {px - w / 2, cy - h / 2, px + w / 2, cy + h / 2};
            }
            taken.add(chosen);
            double cx = (chosen[0] + chosen[2]) / 2;
            double cy = (chosen[1] + chosen[3]) / 2;
            return new double[] {xMin + cx / width * xRange, yMax - cy / height * yRange};
        }

        private double px(double x) {
            return (x - xMin) / xRange * width;
        }

        private double py(double y) {
            return (yMax - y) / yRange * height;
        }

        private static boolean overlap(double[] a, double[] b) {
            return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        }
    }

    /** Epochs from 1 and the finite values among {@code values}. */
    private static double[][] finite(double[] values) {
        int count = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                count++;
            }
        }
        double[][] points = new double[2][count];
        int next = 0;
        for (int e = 0; e < values.length; e++) {
            if (Double.isFinite(values[e])) {
                points[0][next] = e + 1;
                points[1][next] = values[e];
                next++;
            }
        }
        return points;
    }

    /** A tick format with enough decimals for values up to {@code largest}. */
    private static String decimalPattern(double largest) {
        double size = Math.abs(largest);
        if (size >= 100 || size == 0) {
            return "0";
        }
        int decimals = Math.min(6, Math.max(1, 1 - (int) Math.floor(Math.log10(size))));
        return "0." + "0".repeat(decimals);
    }

    private static byte[] png(XYChart chart) {
        // XChart 4 deprecates BitmapEncoder.getBitmapBytes in favour of ChartEncoder.getBytes.
        try {
            return ChartEncoder.getBytes(chart, "png");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
