package dev.aetransfer.data;

import static dev.aetransfer.testing.DataFixtures.float32;
import static dev.aetransfer.testing.DataFixtures.float64;
import static dev.aetransfer.testing.DataFixtures.npy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyArraysTest {

    @TempDir Path dir;

    private static final MemoryBudget PLENTY = new MemoryBudget(1 << 20);
    private static final String OUT_OF_RANGE =
            "NPY file %s: value 3.0 at index 1 of record 1 is outside [0, 1] for float images";
    private static final String UNSUPPORTED_DTYPE =
            "NPY file %s: dtype '<i8' is not float32 ('<f4'), float64 ('<f8') or uint8 ('|u1')";

    private static float[] row(SampleSet set, int index) {
        float[] values = new float[set.shape().volume()];
        set.read(index, values, 0);
        return values;
    }

    @Test
    void read_float32Matrix_givesVectors() {
        Path file = npy(dir.resolve("a.npy"), "<f4", new long[] {2, 3}, float32(1, 2, 3, 4, 5, -6));

        SampleSet set = NpyArrays.read(file, PLENTY);

        assertThat(set.shape()).isEqualTo(SampleShape.vector(3));
        assertThat(set.storage()).isEqualTo(SampleStorage.FLOAT32);
        assertThat(set.labelled()).isFalse();
        assertThat(row(set, 1)).containsExactly(4, 5, -6);
    }

    @Test
    void read_float64Matrix_givesFloatVectors() {
        Path file = npy(dir.resolve("a.npy"), "<f8", new long[] {1, 2}, float64(0.25, 1e3));

        assertThat(row(NpyArrays.read(file, PLENTY), 0)).containsExactly(0.25f, 1000f);
    }

    @Test
    void read_uint8Matrix_keepsValuesAsFloats() {
        Path file = npy(dir.resolve("a.npy"), "|u1", new long[] {1, 2}, new byte[] {7, (byte) 200});

        assertThat(row(NpyArrays.read(file, PLENTY), 0)).containsExactly(7f, 200f);
    }

    @Test
    void read_uint8ThreeD_givesGreyImages() {
        byte[] data = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        Path file = npy(dir.resolve("a.npy"), "|u1", new long[] {2, 2, 3}, data);

        SampleSet set = NpyArrays.read(file, PLENTY);

        assertThat(set.shape()).isEqualTo(new SampleShape(1, 2, 3));
        assertThat(set.storage()).isEqualTo(SampleStorage.UINT8);
        ByteBuffer buffer = ByteBuffer.allocate(6);
        set.copyTo(1, buffer);
        assertThat(buffer.array()).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void read_floatFourD_scalesToBytes() {
        float[] values = new float[2 * 3 * 1 * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 11f;
        }
        Path file = npy(dir.resolve("a.npy"), "<f4", new long[] {2, 3, 1, 2}, float32(values));

        SampleSet set = NpyArrays.read(file, PLENTY);

        assertThat(set.shape()).isEqualTo(new SampleShape(3, 1, 2));
        ByteBuffer buffer = ByteBuffer.allocate(6);
        set.copyTo(1, buffer);
        assertThat(buffer.get(5) & 0xFF).isEqualTo(255);
        assertThat(buffer.get(0) & 0xFF).isEqualTo(Math.round(6 / 11f * 255));
    }

    @Test
    void read_floatImageOutsideUnitRange_namesRecord() {
        Path file = npy(dir.resolve("a.npy"), "<f4", new long[] {2, 1, 2}, float32(0, 1, 0.5f, 3));

        assertThatThrownBy(() -> NpyArrays.read(file, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(OUT_OF_RANGE, file);
    }

    @Test
    void read_int64_isAnUnsupportedDtype() {
        Path file = npy(dir.resolve("a.npy"), "<i8", new long[] {1, 1}, new byte[8]);

        assertThatThrownBy(() -> NpyArrays.read(file, PLENTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(UNSUPPORTED_DTYPE, file);
    }

    @Test
    void read_oneD_isAnUnsupportedShape() {
        Path file = npy(dir.resolve("a.npy"), "<f4", new long[] {3}, float32(1, 2, 3));

        assertThatThrownBy(() -> NpyArrays.read(file, PLENTY))
                .hasMessageContaining("shape (3) is not supported; want (n, d), (n, H, W)");
    }

    @Test
    void read_truncatedData_namesRecord() {
        Path file = npy(dir.resolve("a.npy"), "<f4", new long[] {3, 2}, float32(1, 2, 3, 4, 5));

        assertThatThrownBy(() -> NpyArrays.read(file, PLENTY))
                .hasMessage("NPY file %s: truncated in record 2 of the 3 its shape promises", file);
    }

    @Test
    void read_notNpy_saysSo() {
        Path file = dev.aetransfer.testing.DataFixtures.text(dir.resolve("a.npy"), "hello there");

        assertThatThrownBy(() -> NpyArrays.read(file, PLENTY))
                .hasMessage("NPY file %s: does not start with the NPY magic \\x93NUMPY", file);
    }
}
