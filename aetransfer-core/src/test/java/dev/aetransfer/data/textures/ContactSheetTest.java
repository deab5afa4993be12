package dev.aetransfer.data.textures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.aetransfer.data.SampleSet;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Draws the contact sheet of every family, one row each, to {@code target/textures.png}, and checks
 * that the copy in {@code docs/} shows the same textures. {@code -Daetransfer.updateDocs=true}
 * writes the copy in {@code docs/} too.
 */
class ContactSheetTest {

    private static final int PER_FAMILY = 8;
    private static final int SIZE = 32;
    private static final int SCALE = 2;
    private static final int GAP = 4;
    private static final int LABEL = 170;
    private static final long SEED = 1;
    private static final Path DOCS = Path.of("..", "docs", "textures.png");
    private static final String UPDATE_DOCS = "aetransfer.updateDocs";

    @Test
    void contactSheet_everyFamily_oneLabelledRowEach() throws IOException {
        BufferedImage sheet = sheet();
        Path out = Path.of("target", "textures.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(sheet, "png", out.toFile());
        if (Boolean.getBoolean(UPDATE_DOCS)) {
            Files.createDirectories(DOCS.getParent());
            ImageIO.write(sheet, "png", DOCS.toFile());
        }

        int families = Families.ALL.size();
        assertThat(sheet.getHeight()).isEqualTo(families * (SIZE * SCALE + GAP) + GAP);
        assertSameTextures(sheet, ImageIO.read(out.toFile()), out + " as read back");
    }

    @Test
    void docsContactSheet_matchesGeneratedTextures() throws IOException {
        Assumptions.assumeFalse(
                Boolean.getBoolean(UPDATE_DOCS), "docs/textures.png is being rewritten");

        assertSameTextures(
                sheet(),
                ImageIO.read(DOCS.toFile()),
                "docs/textures.png (regenerate it with -Daetransfer.updateDocs=true)");
    }

    /** Compares the tiles only: the labels depend on the fonts installed. */
    private static void assertSameTextures(
            BufferedImage expected, BufferedImage actual, String description) {
        assertThat(actual.getWidth()).as(description).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).as(description).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = LABEL; x < expected.getWidth(); x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    fail(
                            String.format(
                                    "%s differs from the generated sheet at (%d, %d)",
                                    description, x, y));
                }
            }
        }
    }

    private static BufferedImage sheet() {
        String names = String.join(",", Textures.familyNames());
        int families = Families.ALL.size();
        SampleSet set =
                Textures.generate(
                        String.format(
                                "families=%s&n=%d&size=%d", names, families * PER_FAMILY, SIZE),
                        SEED);

        int tile = SIZE * SCALE + GAP;
        BufferedImage sheet =
                new BufferedImage(
                        LABEL + PER_FAMILY * tile,
                        families * tile + GAP,
                        BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        float[] sample = new float[3 * SIZE * SIZE];
        for (int i = 0; i < set.size(); i++) {
            int row = set.label(i);
            int column = i / families;
            set.read(i, sample, 0);
            draw(sheet, sample, LABEL + column * tile, GAP + row * tile);
            if (column == 0) {
                Family family = Families.ALL.get(row);
                String split = Families.SOURCE.contains(family) ? "source" : "target";
                g.drawString(
                        String.format("%s (%s)", family.name(), split),
                        8,
                        GAP + row * tile + tile / 2 + 3);
            }
        }
        g.dispose();
        return sheet;
    }

    private static void draw(BufferedImage sheet, float[] sample, int left, int top) {
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE * SCALE; y++) {
            for (int x = 0; x < SIZE * SCALE; x++) {
                int at = (y / SCALE) * SIZE + x / SCALE;
                int r = Math.round(sample[at] * 255);
                int g = Math.round(sample[at + plane] * 255);
                int b = Math.round(sample[at + 2 * plane] * 255);
                sheet.setRGB(left + x, top + y, r << 16 | g << 8 | b);
            }
        }
    }
}
