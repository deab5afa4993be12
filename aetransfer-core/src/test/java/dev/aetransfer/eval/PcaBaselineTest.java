package dev.aetransfer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaBaselineTest {

    @Test
    void reconstruct_rankKDataWithFewerRowsThanValues_isExact() {
        float[][] rows = lowRank(30, 200, 4, new Random(1));

        PcaBaseline pca = PcaBaseline.fit(rows, 4);

        assertClose(pca.reconstruct(rows), rows, 1e-5);
    }

    @Test
    void reconstruct_rankKDataWithMoreRowsThanValues_isExact() {
        float[][] rows = lowRank(300, 40, 3, new Random(2));

        PcaBaseline pca = PcaBaseline.fit(rows, 5);

        assertClose(pca.reconstruct(rows), rows, 1e-5);
        assertThat(pca.explainedVariance()[3]).isCloseTo(0, within(1e-9));
    }

    @Test
    void fit_eitherRoute_givesOrthonormalComponentsSortedByVariance() {
        Random random = new Random(3);
        for (float[][] rows : new float[][][] {noise(20, 50, random), noise(80, 10, random)}) {
            PcaBaseline pca = PcaBaseline.fit(rows, 6);

            assertOrthonormal(pca.components());
            double[] variance = pca.explainedVariance();
            for (int q = 1; q < variance.length; q++) {
                assertThat(variance[q]).isLessThanOrEqualTo(variance[q - 1]);
            }
        }
    }

    @Test
    void fit_axisAlignedCube_findsAxesAndVariancesOnBothRoutes() {
        // The 8 corners of a box centred on 0.5 with half-sides 0.3, 0.2 and 0.1 along the first
        // three axes: 8 rows of 20 values go through the Gram matrix, 40 rows (the corners five
        // times) of 3 values through the scatter matrix.
        for (int[] shape : new int[][] {{8, 20}, {40, 3}}) {
            int n = shape[0];
            float[][] rows = new float[n][shape[1]];
            for (int i = 0; i < n; i++) {
                Arrays.fill(rows[i], 0.5f);
                for (int axis = 0; axis < 3; axis++) {
                    float half = 0.3f - 0.1f * axis;
                    rows[i][axis] += ((i >> axis) & 1) == 0 ? half : -half;
                }
            }

            PcaBaseline pca = PcaBaseline.fit(rows, 3);

            double[][] components = pca.components();
            for (int axis = 0; axis < 3; axis++) {
                double half = 0.3 - 0.1 * axis;
                assertThat(components[axis][axis]).isCloseTo(1, within(1e-9));
                assertThat(pca.explainedVariance()[axis])
                        .isCloseTo(half * half * n / (n - 1), within(1e-6));
            }
            assertThat(pca.mean()[0]).isCloseTo(0.5, within(1e-6));
        }
    }

    @Test
    void fit_moreComponentsThanRank_completesOrthonormalBasis() {
        float[][] rows = lowRank(5, 30, 2, new Random(5));

        PcaBaseline pca = PcaBaseline.fit(rows, 12);

        assertThat(pca.componentCount()).isEqualTo(12);
        assertOrthonormal(pca.components());
        assertThat(pca.explainedVariance()[11]).isZero();
        assertClose(pca.reconstruct(rows), rows, 1e-5);
    }

    @Test
    void fit_sameRows_givesSameComponentsWithFixedSign() {
        float[][] rows = noise(15, 25, new Random(6));

        double[][] first = PcaBaseline.fit(rows, 4).components();
        double[][] second = PcaBaseline.fit(rows, 4).components();

        assertThat(second).isDeepEqualTo(first);
        for (double[] component : first) {
            double largest = 0;
            for (double v : component) {
                largest = Math.abs(v) > Math.abs(largest) ? v : largest;
            }
            assertThat(largest).isPositive();
        }
    }

    @Test
    void encode_rows_givesOneCodePerComponent() {
        float[][] rows = noise(10, 12, new Random(7));

        float[][] codes = PcaBaseline.fit(rows, 3).encode(rows);

        assertThat(codes).hasDimensions(10, 3);
    }

    @Test
    void decode_codesFarOut_clampsToUnitRange() {
        PcaBaseline pca = PcaBaseline.fit(noise(10, 12, new Random(8)), 2);

        float[][] rows = pca.decode(new float[][] {{1000f, -1000f}});

        for (float v : rows[0]) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void fit_tooManyComponents_throws() {
        assertThatThrownBy(() -> PcaBaseline.fit(noise(10, 6, new Random(9)), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "PCA components must be between 1 and the 6 values per row, got 7");
    }

    @Test
    void fit_oneRow_throws() {
        assertThatThrownBy(() -> PcaBaseline.fit(new float[][] {{0.5f, 0.5f}}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PCA needs at least 2 training rows, got 1");
    }

    @Test
    void encode_otherDimension_throws() {
        PcaBaseline pca = PcaBaseline.fit(noise(10, 6, new Random(10)), 2);

        assertThatThrownBy(() -> pca.encode(new float[][] {{0.5f}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "rows to encode with PCA: rows have 1 values but the training rows have 6");
    }

    @Test
    void solver_exactForSmallProblems_randomizedForLargeOnes() {
        assertThat(PcaBaseline.Solver.forProblem(600, 3072, 32))
                .isEqualTo(PcaBaseline.Solver.EXACT);
        assertThat(PcaBaseline.Solver.forProblem(4800, 3072, 32))
                .isEqualTo(PcaBaseline.Solver.RANDOMIZED);
        assertThat(PcaBaseline.Solver.forProblem(4800, 1200, 1000))
                .isEqualTo(PcaBaseline.Solver.EXACT);
    }

    @Test
    void fit_randomized_matchesExactOnADecayingSpectrum() {
        float[][] rows = decaying(400, 150, new Random(11));

        PcaBaseline exact = PcaBaseline.fit(rows, 8, PcaBaseline.Solver.EXACT);
        PcaBaseline sketched = PcaBaseline.fit(rows, 8, PcaBaseline.Solver.RANDOMIZED);

        double[] expected = exact.explainedVariance();
        double[] actual = sketched.explainedVariance();
        for (int q = 0; q < expected.length; q++) {
            assertThat(actual[q]).isCloseTo(expected[q], within(1e-6 * expected[0]));
            double dot = 0;
            for (int j = 0; j < rows[0].length; j++) {
                dot += exact.components()[q][j] * sketched.components()[q][j];
            }
            assertThat(dot).isCloseTo(1, within(1e-6));
        }
        assertOrthonormal(sketched.components());
    }

    @Test
    void fit_randomizedOnRankKData_reconstructsExactlyAndCompletesTheBasis() {
        float[][] rows = lowRank(300, 200, 4, new Random(12));

        PcaBaseline pca = PcaBaseline.fit(rows, 6, PcaBaseline.Solver.RANDOMIZED);

        assertClose(pca.reconstruct(rows), rows, 1e-5);
        assertOrthonormal(pca.components());
        assertThat(pca.explainedVariance()[4]).isCloseTo(0, within(1e-9));
    }

    /** Rows in [0, 1]: 20 directions with variances falling by half each, plus faint noise. */
    private static float[][] decaying(int n, int d, Random random) {
        double[][] basis = new double[20][d];
        for (double[] direction : basis) {
            for (int j = 0; j < d; j++) {
                direction[j] = random.nextGaussian() / Math.sqrt(d);
            }
        }
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < basis.length; q++) {
                double weight = random.nextGaussian() * 0.2 * Math.pow(0.5, q / 2.0);
                for (int j = 0; j < d; j++) {
                    rows[i][j] += (float) (weight * basis[q][j]);
                }
            }
            for (int j = 0; j < d; j++) {
                rows[i][j] += (float) (0.5 + 1e-4 * random.nextGaussian());
            }
        }
        return rows;
    }

    /** Rows in [0, 1] on a {@code rank}-dimensional affine subspace. */
    private static float[][] lowRank(int n, int d, int rank, Random random) {
        double[][] basis = new double[rank][d];
        for (double[] direction : basis) {
            for (int j = 0; j < d; j++) {
                direction[j] = random.nextDouble() / rank;
            }
        }
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < rank; q++) {
                double weight = random.nextDouble();
                for (int j = 0; j < d; j++) {
                    rows[i][j] += (float) (weight * basis[q][j]);
                }
            }
        }
        return rows;
    }

    private static float[][] noise(int n, int d, Random random) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextFloat();
            }
        }
        return rows;
    }

    private static void assertOrthonormal(double[][] components) {
        for (int p = 0; p < components.length; p++) {
            for (int q = 0; q < components.length; q++) {
                double dot = 0;
                for (int j = 0; j < components[p].length; j++) {
                    dot += components[p][j] * components[q][j];
                }
                assertThat(dot).isCloseTo(p == q ? 1 : 0, within(1e-9));
            }
        }
    }

    private static void assertClose(float[][] actual, float[][] expected, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat((double) actual[i][j]).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
