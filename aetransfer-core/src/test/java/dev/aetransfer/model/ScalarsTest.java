package dev.aetransfer.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.aetransfer.DjlEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    /**
     * Between the forward and the backward pass the collector runs and direct buffers are allocated
     * and filled with garbage, as happens while a real step runs; a scalar that lived in a freed
     * buffer would then give a garbage gradient.
     */
    @Test
    void scalarOperand_survivesCollectionBetweenForwardAndBackward() {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector collector = DjlEngine.get().newGradientCollector()) {
                y = x.mul(Scalars.of(x, 3f)).sum();
                churnDirectMemory();
                collector.backward(y);
            }

            assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f, 3f);
            assertThat(Scalars.of(x, 0.5f).getShape().dimension()).isZero();
        }
    }

    private static void churnDirectMemory() {
        System.gc();
        List<ByteBuffer> garbage = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
            byte[] fill = new byte[4096];
            Arrays.fill(fill, (byte) 0x7f);
            buffer.put(fill);
            garbage.add(buffer);
        }
        assertThat(garbage).hasSize(64);
    }
}
