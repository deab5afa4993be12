package dev.aetransfer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void of_threeSeeds_givesMeanAndSampleStd() {
        Stat stat = Stat.of(0.80, 0.84, 0.88);

        assertThat(stat.mean()).isCloseTo(0.84, within(1e-12));
        assertThat(stat.std()).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void of_oneSeed_hasStdZero() {
        assertThat(Stat.of(0.0123)).isEqualTo(new Stat(0.0123, 0));
    }

    @Test
    void of_nanValue_isRefused() {
        assertThatThrownBy(() -> Stat.of(0.1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every value of a figure must be finite, got NaN");
    }

    @Test
    void of_noValues_isRefused() {
        assertThatThrownBy(Stat::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a figure needs at least one value, got none");
    }

    @Test
    void constructor_negativeStd_isRefused() {
        assertThatThrownBy(() -> new Stat(1, -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a figure's standard deviation must be 0 or more, got -0.5");
    }

    @Test
    void pooledStd_twoFigures_isRootMeanSquareOfTheirStds() {
        assertThat(Stat.pooledStd(new Stat(0, 0.03), new Stat(1, 0.04)))
                .isCloseTo(Math.sqrt((0.0009 + 0.0016) / 2), within(1e-12));
    }

    @Test
    void format_withAndWithoutStd_usesTheGivenDecimals() {
        Stat stat = new Stat(0.012345, 0.00041);

        assertThat(stat.format(4, true)).isEqualTo("0.0123 ± 0.0004");
        assertThat(stat.format(4, false)).isEqualTo("0.0123");
        assertThat(stat.scaled(100).format(1, true)).isEqualTo("1.2 ± 0.0");
    }

    @Test
    void decimalsFor_magnitudes_keepThreeSignificantDigits() {
        assertThat(Stat.decimalsFor(0.0123)).isEqualTo(4);
        assertThat(Stat.decimalsFor(0.00660)).isEqualTo(5);
        assertThat(Stat.decimalsFor(19.2)).isEqualTo(1);
        assertThat(Stat.decimalsFor(812)).isZero();
        assertThat(Stat.decimalsFor(1e-9)).isEqualTo(6);
        assertThat(Stat.decimalsFor(0)).isEqualTo(2);
    }
}
