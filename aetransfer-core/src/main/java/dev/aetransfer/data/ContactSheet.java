package dev.aetransfer.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG grid of samples for a quick look at a dataset: one row per class with the class name on the
 * left and the first samples of that class, or, unlabelled, a grid of the first samples. Small
 * images are enlarged by a whole factor (nearest neighbour) so that each cell is at least {@value
 * #MIN_CELL} pixels.
 */
public final class ContactSheet {

    /** Samples shown per row. */
    public static final int PER_ROW = 8;

    /** Rows of an unlabelled sheet. */
    public static final int UNLABELLED_ROWS = 8;

    static final int MIN_CELL = 48;
    private static final int GAP = 4;

    private ContactSheet() {}

    /**
     * Writes the sheet of {@code set} to {@code file} as PNG.
     *
     * @throws IllegalArgumentException when the set holds vectors, not images
     */
    public static void write(SampleSet set, Path file) {
        writePng(render(set), file);
    }

    /** Writes an image to {@code file} as PNG. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer is installed in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot write image %s", file), e);
        }
    }

    /** The sheet as an RGB image. */
    static BufferedImage render(SampleSet set) {
        SampleShape shape = set.shape();
        if (set.storage() != SampleStorage.UINT8 || shape.isVector()) {
            throw new IllegalArgumentException(
                    String.format(
                            "a contact sheet needs images, but %s holds vectors of %d values",
                            set.origin(), shape.volume()));
        }
        List<String> labels = new ArrayList<>();
        List<int[]> rows = rows(set, labels);
        List<List<float[]>> images = new ArrayList<>();
        for (int[] row : rows) {
            List<float[]> values = new ArrayList<>();
            for (int index : row) {
                float[] sample = new float[shape.volume()];
                set.read(index, sample, 0);
                values.add(sample);
            }
            images.add(values);
        }
        return renderRows(shape, labels, images, PER_ROW);
    }

    /**
     * Rows of images, each row labelled on its left (no labels when {@code labels} is empty), every
     * image scaled up by a whole factor to at least 48 pixels.
     *
     * @param rows images of {@code shape} as values in [0, 1], {@code C×H×W}; one or three channels
     */
    public static BufferedImage renderRows(
            SampleShape shape, List<String> labels, List<List<float[]>> rows) {
        return renderRows(shape, labels, rows, 1);
    }

    /** As {@link #renderRows(SampleShape, List, List)}, at least {@code minColumns} wide. */
    private static BufferedImage renderRows(
            SampleShape shape, List<String> labels, List<List<float[]>> rows, int minColumns) {
        int scale =
                Math.max(
                        1,
                        (MIN_CELL + Math.max(shape.height(), shape.width()) - 1)
                                / Math.max(shape.height(), shape.width()));
        int cellWidth = shape.width() * scale;
        int cellHeight = shape.height() * scale;
        int columns = minColumns;
        for (List<float[]> row : rows) {
            columns = Math.max(columns, row.size());
        }

        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        int labelWidth = 0;
        for (String label : labels) {
            labelWidth = Math.max(labelWidth, metrics.stringWidth(label));
        }
        measure.dispose();
        int left = labelWidth == 0 ? GAP : labelWidth + 2 * GAP;

        int width = left + columns * (cellWidth + GAP);
        int height = GAP + Math.max(1, rows.size()) * (cellHeight + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);

        for (int r = 0; r < rows.size(); r++) {
            int top = GAP + r * (cellHeight + GAP);
            if (!labels.isEmpty()) {
                int baseline = top + (cellHeight + metrics.getAscent() - metrics.getDescent()) / 2;
                g.drawString(labels.get(r), GAP, baseline);
            }
            List<float[]> row = rows.get(r);
            for (int k = 0; k < row.size(); k++) {
                draw(sheet, row.get(k), shape, left + k * (cellWidth + GAP), top, scale);
            }
        }
        g.dispose();
        return sheet;
    }

    /** The sample indices of each row; fills {@code labels} with the row names when labelled. */
    private static List<int[]> rows(SampleSet set, List<String> labels) {
        List<int[]> rows = new ArrayList<>();
        if (!set.labelled()) {
            int shown = Math.min(set.size(), PER_ROW * UNLABELLED_ROWS);
            for (int start = 0; start < shown; start += PER_ROW) {
                int[] row = new int[Math.min(PER_ROW, shown - start)];
                for (int k = 0; k < row.length; k++) {
                    row[k] = start + k;
                }
                rows.add(row);
            }
            return rows;
        }
        int classes = set.classNames().size();
        int[][] chosen = new int[classes][PER_ROW];
        int[] filled = new int[classes];
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (filled[label] < PER_ROW) {
                chosen[label][filled[label]++] = i;
            }
        }
        for (int c = 0; c < classes; c++) {
            int[] row = new int[filled[c]];
            System.arraycopy(chosen[c], 0, row, 0, filled[c]);
            rows.add(row);
            labels.add(set.classNames().get(c));
        }
        return rows;
    }

    private static void draw(
            BufferedImage sheet, float[] values, SampleShape shape, int x, int y, int scale) {
        int plane = shape.height() * shape.width();
        boolean grey = shape.channels() < 3;
        for (int row = 0; row < shape.height(); row++) {
            for (int col = 0; col < shape.width(); col++) {
                int at = row * shape.width() + col;
                int r = level(values[at]);
                int gr = grey ? r : level(values[plane + at]);
                int b = grey ? r : level(values[2 * plane + at]);
                int rgb = (r << 16) | (gr << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        sheet.setRGB(x + col * scale + dx, y + row * scale + dy, rgb);
                    }
                }
            }
        }
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
