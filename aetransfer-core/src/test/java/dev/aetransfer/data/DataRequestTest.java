package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataRequestTest {

    @Test
    void build_defaults() {
        DataRequest request = DataRequest.builder().setSource("data/").build();

        assertThat(request.split()).isEmpty();
        assertThat(request.patchesPerImage()).isEqualTo(16);
        assertThat(request.seed()).isEqualTo(42);
        assertThat(request.onBadInput()).isEqualTo(BadInputPolicy.FAIL);
        assertThat(request.memoryBudget()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        assertThat(request.channels()).isEmpty();
        assertThat(request.classes()).isEmpty();
    }

    @Test
    void build_everyOption_isKept() {
        DataRequest request =
                DataRequest.builder()
                        .setSource("data/")
                        .optSplit(0.7)
                        .optClasses(List.of("5", "Sandal"))
                        .optPerClass(100)
                        .optPatch(32)
                        .optPatchesPerImage(8)
                        .optChannels(3)
                        .optSize(64)
                        .optOnBadInput(BadInputPolicy.SKIP)
                        .optSeed(7)
                        .optMemoryBudget(1000)
                        .build();

        assertThat(request.split()).hasValue(0.7);
        assertThat(request.classes()).containsExactly("5", "Sandal");
        assertThat(request.perClass()).hasValue(100);
        assertThat(request.patch()).hasValue(32);
        assertThat(request.size()).hasValue(64);
        assertThat(request.memoryBudget()).isEqualTo(1000);
    }

    @Test
    void build_withoutSource_isAnError() {
        assertThatThrownBy(() -> DataRequest.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a data source is required, got none");
    }

    @Test
    void build_splitOutsideTheOpenUnitInterval_isAnError() {
        assertThatThrownBy(() -> DataRequest.builder().setSource("d").optSplit(1.0).build())
                .hasMessage("split must be between 0 and 1 (exclusive), got 1.0");
    }

    @Test
    void build_channelsTwo_isAnError() {
        assertThatThrownBy(() -> DataRequest.builder().setSource("d").optChannels(2).build())
                .hasMessage("channels must be 1 (grey) or 3 (RGB), got 2");
    }

    @Test
    void build_patchLargerThanSize_isAnError() {
        assertThatThrownBy(
                        () -> DataRequest.builder().setSource("d").optPatch(40).optSize(32).build())
                .hasMessage("patch 40 is larger than the image size 32 it is cut from");
    }

    @Test
    void build_zeroPerClass_isAnError() {
        assertThatThrownBy(() -> DataRequest.builder().setSource("d").optPerClass(0).build())
                .hasMessage("per-class must be at least 1, got 0");
    }
}
