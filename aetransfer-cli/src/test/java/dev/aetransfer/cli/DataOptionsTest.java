package dev.aetransfer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.BadInputPolicy;
import dev.aetransfer.data.DataRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.TypeConversionException;

class DataOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin DataOptions data;
    }

    private static DataOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.data;
    }

    @Test
    void toRequest_everyOption_reachesTheRequest() {
        DataRequest request =
                parse(
                                "--data", "d/",
                                "--split", "0.7",
                                "--classes", "5,Sandal",
                                "--per-class", "100",
                                "--patch", "32",
                                "--patches-per-image", "4",
                                "--channels", "3",
                                "--size", "64",
                                "--on-bad-input", "SKIP",
                                "--seed", "7",
                                "--memory-budget", "512m")
                        .toRequest();

        assertThat(request.source()).isEqualTo("d/");
        assertThat(request.split()).hasValue(0.7);
        assertThat(request.classes()).containsExactly("5", "Sandal");
        assertThat(request.perClass()).hasValue(100);
        assertThat(request.patch()).hasValue(32);
        assertThat(request.patchesPerImage()).isEqualTo(4);
        assertThat(request.channels()).hasValue(3);
        assertThat(request.size()).hasValue(64);
        assertThat(request.onBadInput()).isEqualTo(BadInputPolicy.SKIP);
        assertThat(request.seed()).isEqualTo(7);
        assertThat(request.memoryBudget()).isEqualTo(512L << 20);
    }

    @Test
    void toRequest_defaults() {
        DataOptions options = parse("--data", "d/", "--test-data", "t/");
        DataRequest request = options.toRequest();

        assertThat(request.testSource()).hasValue("t/");
        assertThat(request.patchesPerImage()).isEqualTo(DataRequest.DEFAULT_PATCHES_PER_IMAGE);
        assertThat(request.onBadInput()).isEqualTo(BadInputPolicy.FAIL);
        assertThat(options.seed()).isEqualTo(42);
    }

    @Test
    void memoryBudget_sizes() {
        DataOptions.ByteSizeConverter converter = new DataOptions.ByteSizeConverter();

        assertThat(converter.convert("1048576")).isEqualTo(1L << 20);
        assertThat(converter.convert("2g")).isEqualTo(2L << 30);
        assertThat(converter.convert("64KiB")).isEqualTo(64L << 10);
        assertThatThrownBy(() -> converter.convert("lots"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("expected a number of bytes such as 1048576, 512m or 2g, got 'lots'");
    }

    @Test
    void onBadInput_unknownValue_isRefused() {
        assertThatThrownBy(() -> new DataOptions.BadInputConverter().convert("ignore"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("expected fail or skip, got 'ignore'");
    }
}
