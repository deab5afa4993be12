package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

    @TempDir Path dir;

    @Test
    void write_labelledImages_oneRowPerClass() throws Exception {
        // 12 grey 4x4 images: class 0 black, class 1 white.
        byte[] values = new byte[12 * 16];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            labels[i] = i % 2;
            java.util.Arrays.fill(values, i * 16, i * 16 + 16, (byte) (labels[i] * 255));
        }
        SampleSet set =
                InMemorySampleSet.ofBytes(new SampleShape(1, 4, 4), values, "t")
                        .withLabels(labels, List.of("dark", "light"));
        Path file = dir.resolve("sheet.png");

        ContactSheet.write(set, file);

        BufferedImage sheet = ImageIO.read(file.toFile());
        int cell = ContactSheet.MIN_CELL;
        assertThat(sheet.getHeight()).isEqualTo(4 + 2 * (cell + 4));
        int x = sheet.getWidth() - ContactSheet.PER_ROW * (cell + 4) + cell / 2;
        assertThat(sheet.getRGB(x, 4 + cell / 2) & 0xFFFFFF).isEqualTo(0);
        assertThat(sheet.getRGB(x, 4 + cell + 4 + cell / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void render_unlabelled_isAGridOfTheFirstSamples() {
        SampleSet set = InMemorySampleSet.ofBytes(new SampleShape(3, 2, 2), new byte[20 * 12], "t");

        BufferedImage sheet = ContactSheet.render(set);

        int cell = ContactSheet.MIN_CELL;
        assertThat(sheet.getHeight()).isEqualTo(4 + 3 * (cell + 4));
        assertThat(sheet.getWidth()).isEqualTo(4 + ContactSheet.PER_ROW * (cell + 4));
    }

    @Test
    void render_vectors_isRefused() {
        SampleSet set = InMemorySampleSet.ofFloats(SampleShape.vector(4), new float[8], "v.csv");

        assertThatThrownBy(() -> ContactSheet.render(set))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a contact sheet needs images, but v.csv holds vectors of 4 values");
    }
}
