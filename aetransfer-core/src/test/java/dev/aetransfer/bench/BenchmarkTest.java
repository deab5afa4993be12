package dev.aetransfer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    private static final SampleShape TINY = new SampleShape(1, 8, 8);

    @Test
    void run_everyWorkload_reportsAPositiveRateForEachAsItGoes() {
        BenchmarkOptions options =
                new BenchmarkOptions(0.05, List.of(Workload.values()), List.of(TINY), 4, 1);
        List<BenchmarkResult> seen = new ArrayList<>();

        List<BenchmarkResult> results = Benchmark.run(options, seen::add);

        assertThat(results).isEqualTo(seen).hasSize(4);
        assertThat(results)
                .extracting(BenchmarkResult::workload)
                .containsExactly(Workload.values());
        for (BenchmarkResult result : results) {
            assertThat(result.shape()).isEqualTo(TINY);
            assertThat(result.imagesPerSecond()).isPositive().isFinite();
            assertThat(result.threads()).isPositive();
            assertThat(result.engine()).startsWith("PyTorch ");
            assertThat(result.parameters()).isEqualTo(results.get(0).parameters());
        }
    }

    @Test
    void workload_parse_namesTheChoicesOfAnUnknownOne() {
        assertThat(Workload.parse("train-freeze-encoder-cached"))
                .isEqualTo(Workload.TRAIN_FREEZE_ENCODER_CACHED);
        assertThatThrownBy(() -> Workload.parse("train"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown workload train; choose one of train-full, train-freeze-encoder,"
                                + " train-freeze-encoder-cached, encode");
    }

    @Test
    void options_refuseWhatCannotBeMeasured() {
        List<Workload> all = List.of(Workload.values());
        List<SampleShape> shapes = List.of(TINY);
        assertThatThrownBy(() -> new BenchmarkOptions(0, all, shapes, 4, 1))
                .hasMessage("--seconds must be positive, got 0.0");
        assertThatThrownBy(
                        () -> new BenchmarkOptions(1, all, List.of(new SampleShape(1, 8, 7)), 4, 1))
                .hasMessage("--shape must be at least 8x8 for conv-vae, got 1x8x7");
        assertThatThrownBy(() -> new BenchmarkOptions(1, all, shapes, 0, 1))
                .hasMessage("--latent must be positive, got 0");
        assertThatThrownBy(() -> new BenchmarkOptions(1, List.of(), shapes, 4, 1))
                .hasMessage("a benchmark needs a workload and a shape");
    }
}
