package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SampleBufferTest {

    private static final SampleLayout BYTES =
            new SampleLayout(new SampleShape(1, 2, 2), SampleStorage.UINT8);
    private static final SampleLayout FLOATS =
            new SampleLayout(SampleShape.vector(3), SampleStorage.FLOAT32);

    private static SampleSet bytes(long budget, int count) {
        SampleBuffer buffer = new SampleBuffer(BYTES, 1, new MemoryBudget(budget), "bytes");
        for (int i = 0; i < count; i++) {
            buffer.add(new byte[] {(byte) i, (byte) (i + 1), (byte) (i + 2), (byte) 255}, i % 2);
        }
        return buffer.finish(List.of("even", "odd"));
    }

    private static SampleSet floats(long budget, int count) {
        SampleBuffer buffer = new SampleBuffer(FLOATS, count, new MemoryBudget(budget), "floats");
        for (int i = 0; i < count; i++) {
            buffer.add(new float[] {i, -i, i / 2f}, -1);
        }
        return buffer.finish(List.of());
    }

    private static void checkBytes(SampleSet set, int count) {
        assertThat(set.size()).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            ByteBuffer buffer = ByteBuffer.allocate(5);
            buffer.put((byte) 9);
            set.copyTo(i, buffer);
            assertThat(buffer.position()).isEqualTo(5);
            assertThat(buffer.array())
                    .containsExactly(9, (byte) i, (byte) (i + 1), (byte) (i + 2), (byte) 255);
            float[] values = new float[5];
            set.read(i, values, 1);
            assertThat(values)
                    .containsExactly(
                            0,
                            (i & 0xFF) / 255f,
                            ((i + 1) & 0xFF) / 255f,
                            ((i + 2) & 0xFF) / 255f,
                            1f);
            assertThat(set.label(i)).isEqualTo(i % 2);
        }
    }

    @Test
    void finish_withinBudget_holdsValuesInMemory() {
        SampleSet set = bytes(1 << 20, 100);

        assertThat(set).isInstanceOf(InMemorySampleSet.class);
        checkBytes(set, 100);
    }

    @Test
    void finish_overBudget_spillsToACacheFileWithTheSameValues() {
        SampleSet set = bytes(40, 100);

        assertThat(set).isInstanceOf(FileSampleSet.class);
        assertThat(set.classNames()).containsExactly("even", "odd");
        checkBytes(set, 100);
    }

    @Test
    void finish_budgetOfNothing_goesToDiskAtOnce() {
        checkBytes(bytes(0, 3), 3);
    }

    @Test
    void floats_inMemoryAndOnDisk_readTheSame() {
        SampleSet memory = floats(1 << 20, 50);
        SampleSet disk = floats(16, 50);

        assertThat(memory).isInstanceOf(InMemorySampleSet.class);
        assertThat(disk).isInstanceOf(FileSampleSet.class);
        for (int i = 0; i < 50; i++) {
            float[] a = new float[3];
            float[] b = new float[3];
            memory.read(i, a, 0);
            disk.read(i, b, 0);
            assertThat(b).containsExactly(i, -i, i / 2f).isEqualTo(a);
            ByteBuffer raw = ByteBuffer.allocate(12);
            disk.copyTo(i, raw);
            raw.flip();
            assertThat(raw.order(java.nio.ByteOrder.nativeOrder()).getFloat(4)).isEqualTo(-i);
        }
    }

    @Test
    void fileSampleSet_readsFromManyThreadsAtOnce() throws Exception {
        SampleSet set = bytes(0, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                readers.add(pool.submit(() -> checkBytes(set, 1000)));
            }
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void finish_empty_isAnEmptySet() {
        SampleSet set = bytes(1 << 20, 0);

        assertThat(set.size()).isZero();
        assertThat(set.shape()).isEqualTo(BYTES.shape());
    }
}
