package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeResultTest {

    @Test
    void score_predictions_countsHitsAndMajorityBaseline() {
        int[] training = {2, 2, 1, 0, 2};
        int[] truth = {2, 1, 1, 2};
        int[] predictions = {2, 1, 0, 0};

        ProbeResult result = ProbeResult.score(predictions, truth, training);

        assertThat(result).isEqualTo(new ProbeResult(2, 4, 2));
        assertThat(result.accuracy()).isEqualTo(0.5);
        assertThat(result.majorityAccuracy()).isEqualTo(0.5);
    }

    @Test
    void score_trainingClassesTie_smallerClassIsMajority() {
        ProbeResult result =
                ProbeResult.score(new int[] {0, 0}, new int[] {3, 1}, new int[] {3, 1});

        assertThat(result.majorityCorrect()).isEqualTo(1);
    }

    @Test
    void constructor_moreCorrectThanTotal_throws() {
        assertThatThrownBy(() -> new ProbeResult(5, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got correct=5 majorityCorrect=0 total=4");
    }
}
