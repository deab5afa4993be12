package dev.aetransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void currentAndPeak_onLinux_areSetAndOrdered() {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            assertThat(ResidentMemory.current()).isEmpty();
            return;
        }
        long current = ResidentMemory.current().orElseThrow();
        long peak = ResidentMemory.peak().orElseThrow();

        assertThat(current).isPositive();
        assertThat(peak).isGreaterThanOrEqualTo(current);
    }

    @Test
    void mib_printsOneDecimalOrSaysUnavailable() {
        assertThat(ResidentMemory.mib(OptionalLong.of(3 * 1024 * 1024 + 512 * 1024)))
                .isEqualTo("3.5");
        assertThat(ResidentMemory.mib(OptionalLong.empty())).isEqualTo("unavailable");
    }
}
