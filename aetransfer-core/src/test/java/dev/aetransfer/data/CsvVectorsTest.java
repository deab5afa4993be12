package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvVectorsTest {

    @TempDir Path dir;

    private static final MemoryBudget PLENTY = new MemoryBudget(1 << 20);

    private static float[] row(SampleSet set, int index) {
        float[] values = new float[set.shape().volume()];
        set.read(index, values, 0);
        return values;
    }

    @Test
    void read_headerWithNamedLabels_givesSortedClasses() {
        Path file = text(dir.resolve("v.csv"), "x,y,label\n1,2,cat\n3.5,-4e-1,dog\n5,6,cat\n");

        SampleSet set = CsvVectors.read(file, PLENTY);

        assertThat(set.shape()).isEqualTo(SampleShape.vector(2));
        assertThat(set.storage()).isEqualTo(SampleStorage.FLOAT32);
        assertThat(set.classNames()).containsExactly("cat", "dog");
        assertThat(set.label(1)).isEqualTo(1);
        assertThat(row(set, 1)).containsExactly(3.5f, -0.4f);
    }

    @Test
    void read_numericLabels_sortedAsNumbers() {
        Path file = text(dir.resolve("v.csv"), "label,a\n10,1\n9,2\n10,3\n");

        SampleSet set = CsvVectors.read(file, PLENTY);

        assertThat(set.classNames()).containsExactly("9", "10");
        assertThat(set.label(0)).isEqualTo(1);
        assertThat(row(set, 2)).containsExactly(3f);
    }

    @Test
    void read_noHeader_isUnlabelledNumbers() {
        Path file = text(dir.resolve("v.csv"), "1,2,3\n\n4,5,6\n");

        SampleSet set = CsvVectors.read(file, PLENTY);

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.labelled()).isFalse();
        assertThat(row(set, 1)).containsExactly(4f, 5f, 6f);
    }

    @Test
    void read_quotedLabels_keepTheirCommas() {
        Path file = text(dir.resolve("v.csv"), "a,label\n1,\"Bag, small\"\n2,Coat\n");

        assertThat(CsvVectors.read(file, PLENTY).classNames())
                .containsExactly("Bag, small", "Coat");
    }

    @Test
    void read_raggedRow_namesLineAndCounts() {
        Path file = text(dir.resolve("v.csv"), "a,b\n1,2\n3,4,5\n");

        assertThatThrownBy(() -> CsvVectors.read(file, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV file %s line 3: 3 values, expected 2 as on line 1", file);
    }

    @Test
    void read_notANumber_namesLineAndColumn() {
        Path file = text(dir.resolve("v.csv"), "1,2\n3,four\n");

        assertThatThrownBy(() -> CsvVectors.read(file, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV file %s line 2, column 2: \"four\" is not a number", file);
    }

    @Test
    void read_nan_isNotANumber() {
        Path file = text(dir.resolve("v.csv"), "a,b\n1,NaN\n");

        assertThatThrownBy(() -> CsvVectors.read(file, PLENTY))
                .hasMessage("CSV file %s line 2, column 2: \"NaN\" is not a number", file);
    }

    @Test
    void read_headerOnly_saysNoRows() {
        Path file = text(dir.resolve("v.csv"), "a,b\n");

        assertThatThrownBy(() -> CsvVectors.read(file, PLENTY))
                .hasMessage("CSV file %s holds no rows of numbers", file);
    }

    @Test
    void read_emptyLabel_namesLineAndColumn() {
        Path file = text(dir.resolve("v.csv"), "a,label\n1,x\n2,\n");

        assertThatThrownBy(() -> CsvVectors.read(file, PLENTY))
                .hasMessage("CSV file %s line 3, column 2: the label is empty", file);
    }

    @Test
    void load_csvWithImageOptions_isAnError() {
        Path file = text(dir.resolve("v.csv"), "1,2\n3,4\n");

        assertThatThrownBy(
                        () ->
                                DataLoader.load(
                                        DataRequest.builder()
                                                .setSource(file.toString())
                                                .optPatch(2)
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "--patch applies only to images, but %s holds vectors of 2 values", file);
    }
}
