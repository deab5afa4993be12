package dev.aetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.sun.jna.Platform;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DjlEngineTest {

    @Test
    void loading_onLinuxWithoutOpenMpSettings_shortensTheSpinBeforeThreadsSleep() {
        assumeTrue(Platform.isLinux(), "OpenMP is GNU's on Linux only");
        assumeTrue(
                System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null,
                "the environment sets how OpenMP waits");

        DjlEngine.get();

        assertThat(DjlEngine.nativeEnvironment("GOMP_SPINCOUNT")).isEqualTo("10000");
        assertThat(DjlEngine.nativeEnvironment("OMP_WAIT_POLICY")).isNull();
    }

    @Test
    void withoutGradients_onAThreadThatRecords_recordsNothingThenRecordsAgain() {
        DjlEngine.get();

        // Any thread but the one that loaded the engine starts out recording.
        List<Boolean> recorded =
                CompletableFuture.supplyAsync(
                                () -> List.of(records(false), records(true), records(false)))
                        .join();

        assertThat(recorded).containsExactly(true, false, true);
    }

    /**
     * Whether {@code 2w} on an array that requires gradients, computed inside {@link
     * DjlEngine#withoutGradients} or not, was recorded: then backpropagating it gives 2.
     */
    private static boolean records(boolean guarded) {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            NDArray weight = manager.ones(new Shape(1));
            weight.setRequiresGradient(true);
            Supplier<NDArray> twice = () -> weight.mul(2).sum();
            NDArray doubled = guarded ? DjlEngine.withoutGradients(twice) : twice.get();
            try (GradientCollector collector = DjlEngine.get().newGradientCollector()) {
                collector.backward(doubled);
                return weight.getGradient().getFloat() == 2f;
            } catch (EngineException e) {
                return false;
            }
        }
    }
}
