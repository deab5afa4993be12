package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aetransfer.data.Splits.ClassSelection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static final List<String> NAMES = List.of("zero", "one", "two");
    private static final String CLASS_TOO_SMALL =
            "--per-class 6 is larger than class \"two\", which has 5 training examples";
    private static final String UNKNOWN_CLASS =
            "unknown class \"three\" in --classes; choose from zero, one, two or 0 to 2";

    /** 10 of class 0, 20 of class 1, 5 of class 2, interleaved. */
    private static int[] labels() {
        int[] labels = new int[35];
        for (int i = 0; i < 35; i++) {
            labels[i] = i < 30 ? i % 3 == 0 ? 0 : 1 : 2;
        }
        return labels;
    }

    private static int[] countsOf(int[] labels, int[] indices) {
        int[] counts = new int[3];
        for (int i : indices) {
            counts[labels[i]]++;
        }
        return counts;
    }

    @Test
    void stratified_eachClassSplitByTheFraction() {
        int[] labels = labels();

        int[][] split = Splits.stratified(labels, 0.8, 7);

        assertThat(countsOf(labels, split[0])).containsExactly(8, 16, 4);
        assertThat(countsOf(labels, split[1])).containsExactly(2, 4, 1);
        int[] both = new int[35];
        Arrays.stream(split[0]).forEach(i -> both[i]++);
        Arrays.stream(split[1]).forEach(i -> both[i]++);
        assertThat(both).containsOnly(1);
        assertThat(split[0]).isSorted();
    }

    @Test
    void stratified_sameSeedSameSplit_otherSeedOtherSplit() {
        int[] labels = labels();

        assertThat(Splits.stratified(labels, 0.5, 1)[0])
                .isEqualTo(Splits.stratified(labels, 0.5, 1)[0])
                .isNotEqualTo(Splits.stratified(labels, 0.5, 2)[0]);
    }

    @Test
    void stratified_keepsOneOfEachSideForTinyClasses() {
        int[][] split = Splits.stratified(new int[] {0, 0, 1}, 0.99, 3);

        assertThat(split[0]).hasSize(2).contains(2);
        assertThat(split[1]).hasSize(1).containsAnyOf(0, 1);
    }

    @Test
    void stratified_unlabelled_isOneGroup() {
        int[] labels = new int[10];
        Arrays.fill(labels, -1);

        int[][] split = Splits.stratified(labels, 0.7, 3);

        assertThat(split[0]).hasSize(7);
        assertThat(split[1]).hasSize(3);
    }

    @Test
    void perClass_keepsThatManyOfEachClass() {
        int[] labels = labels();

        int[] kept = Splits.perClass(labels, NAMES, 5, 11);

        assertThat(countsOf(labels, kept)).containsExactly(5, 5, 5);
    }

    @Test
    void perClass_largerThanAClass_namesClassAndCount() {
        assertThatThrownBy(() -> Splits.perClass(labels(), NAMES, 6, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(CLASS_TOO_SMALL);
    }

    @Test
    void selectClasses_byNameAndNumber_keepsSourceOrder() {
        ClassSelection selection = Splits.selectClasses(NAMES, List.of("two", "0"), "data");

        assertThat(selection.names()).containsExactly("zero", "two");
        assertThat(selection.newLabel()).containsExactly(0, -1, 1);
        assertThat(selection.keepsAll()).isFalse();
    }

    @Test
    void selectClasses_unknownName_listsTheValidOnes() {
        assertThatThrownBy(() -> Splits.selectClasses(NAMES, List.of("three"), "data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(UNKNOWN_CLASS);
    }

    @Test
    void selectClasses_numberOutOfRange_isUnknown() {
        assertThatThrownBy(() -> Splits.selectClasses(NAMES, List.of("3"), "data"))
                .hasMessageContaining("unknown class \"3\"");
    }

    @Test
    void selectClasses_unlabelledData_isAnError() {
        assertThatThrownBy(() -> Splits.selectClasses(List.of(), List.of("1"), "data/x"))
                .hasMessage("--classes needs labelled data, but data/x has no labels");
    }
}
