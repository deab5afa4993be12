package dev.aetransfer.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.ParameterSearchResult;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linear probe: L2-regularised logistic regression on standardised features, trained on the
 * training split and scored by accuracy on the held-out split.
 *
 * <p>The solver is LIBLINEAR, in its Java port. It minimises {@code ½‖w‖² + C·Σ log(1 +
 * exp(−y·wᵀx))}, where {@code x} ends with a constant 1 so that the last weight is the intercept
 * (penalised like the others, as LIBLINEAR does). With more than two classes it trains one binary
 * model per class against the rest (one-vs-rest, not multinomial, as LIBLINEAR itself does) and
 * predicts the class whose model scores highest; the binary models train in parallel, which on two
 * cores nearly halves the time of a probe on thousands of raw pixels. Features are standardised
 * with a {@link FeatureStandardiser} fitted on the training rows. With at least as many training
 * rows as features the problem is solved in the primal ({@code L2R_LR}, trust-region Newton,
 * tolerance 0.01); with more features than rows, raw pixels for instance, in the dual ({@code
 * L2R_LR_DUAL}, coordinate descent, tolerance 0.1), which LIBLINEAR recommends there and which is
 * several times faster.
 *
 * <p>C is the inverse regularisation strength. With {@code folds == 0} it is {@code c}, by default
 * {@value #DEFAULT_C}, the default of LIBLINEAR and scikit-learn. With {@code folds >= 2} it is
 * chosen on the training split by LIBLINEAR's own warm-started search, which runs in the primal: C
 * doubles from a small value derived from the data up to 1024 (stopping early once the weights stop
 * changing), each scored by {@code folds}-fold cross-validated accuracy, the smallest of the best C
 * winning; {@code c} is then unused. The search costs tens of trainings: cheap on latents of a few
 * dozen values, minutes on thousands of raw pixels.
 *
 * <p>Deterministic for a seed: {@code seed} drives the dual solver's order of coordinates and the
 * shuffle of rows into folds; the primal solver uses no randomness. Immutable and thread-safe.
 *
 * @param c inverse regularisation strength when {@code folds} is 0; finite and positive
 * @param folds 0 to use {@code c}, or the number of cross-validation folds (at least 2) to choose C
 * @param seed seeds the dual solver and the assignment of rows to folds
 */
public record LinearProbe(double c, int folds, long seed) {

    /** C when none is given: LIBLINEAR's and scikit-learn's default. */
    public static final double DEFAULT_C = 1.0;

    /** Stopping tolerances, LIBLINEAR's defaults for its primal and dual solvers. */
    private static final double PRIMAL_TOLERANCE = 0.01;

    private static final double DUAL_TOLERANCE = 0.1;

    private static final Logger LOG = LoggerFactory.getLogger(LinearProbe.class);

    static {
        // LIBLINEAR prints solver progress to stdout unless told not to.
        Linear.disableDebugOutput();
    }

    public LinearProbe {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException(
                    String.format("linear probe C must be finite and positive, got %s", c));
        }
        if (folds != 0 && folds < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "linear probe folds must be 0 (fixed C) or at least 2, got %d", folds));
        }
    }

    /** A probe with C fixed at {@value #DEFAULT_C}. */
    public static LinearProbe defaults() {
        return withC(DEFAULT_C);
    }

    /** A probe with C fixed at {@code c}. */
    public static LinearProbe withC(double c) {
        return new LinearProbe(c, 0, 0);
    }

    /** A probe that chooses C by {@code folds}-fold cross-validation, folds shuffled by seed. */
    public static LinearProbe crossValidated(int folds, long seed) {
        return new LinearProbe(DEFAULT_C, folds, seed);
    }

    /**
     * Trains on {@code trainFeatures} ({@code n × d}) with {@code trainLabels} and returns the
     * accuracy on {@code testFeatures} ({@code m × d}) against {@code testLabels}. Labels are class
     * indices {@code >= 0}; a held-out class never seen in training counts as a miss.
     *
     * @throws IllegalArgumentException if the shapes do not agree, a value is not finite, a label
     *     is negative, the training labels hold fewer than 2 classes, or there are fewer training
     *     rows than folds
     */
    public ProbeResult evaluate(
            float[][] trainFeatures, int[] trainLabels, float[][] testFeatures, int[] testLabels) {
        int d = Checks.features("linear probe training features", trainFeatures);
        Checks.labels("linear probe training labels", trainLabels, trainFeatures.length);
        Checks.sameDimension(
                "linear probe held-out features",
                d,
                Checks.features("linear probe held-out features", testFeatures));
        Checks.labels("linear probe held-out labels", testLabels, testFeatures.length);
        long classes = Arrays.stream(trainLabels).distinct().count();
        if (classes < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "linear probe needs at least 2 classes in the training labels, got %d",
                            classes));
        }
        if (folds > trainFeatures.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "linear probe cannot make %d folds of %d training rows",
                            folds, trainFeatures.length));
        }

        FeatureStandardiser standardiser = FeatureStandardiser.fit(trainFeatures);
        Problem problem = problem(standardiser.applyAsDouble(trainFeatures), trainLabels);
        double chosenC = folds == 0 ? c : searchC(problem);

        boolean dual = d > trainFeatures.length;
        double[][] test = standardiser.applyAsDouble(testFeatures);
        int[] predictions =
                classes > 2
                        ? oneVsRest(problem, chosenC, dual, test)
                        : predict(train(problem, chosenC, dual), test);
        ProbeResult result = ProbeResult.score(predictions, testLabels, trainLabels);
        LOG.debug(
                "phase=linear-probe train={} test={} dims={} solver={} c={} accuracy={}",
                trainFeatures.length,
                testFeatures.length,
                d,
                dual ? "dual" : "primal",
                chosenC,
                result.accuracy());
        return result;
    }

    private static int[] predict(Model model, double[][] test) {
        int[] predictions = new int[test.length];
        for (int i = 0; i < test.length; i++) {
            predictions[i] = (int) Linear.predict(model, nodes(test[i]));
        }
        return predictions;
    }

    /**
     * Trains one binary model per class (the class +1, the rest −1) in parallel, each seeded alike,
     * and predicts for each test row the class whose model gives the highest decision value. These
     * are the binary problems LIBLINEAR's own one-vs-rest solves one after another; it visits their
     * rows in another order, so the models agree to the solver's tolerance, not bit for bit.
     */
    private int[] oneVsRest(Problem problem, double c, boolean dual, double[][] test) {
        int[] labels = Arrays.stream(problem.y).mapToInt(y -> (int) y).distinct().toArray();
        Model[] models = new Model[labels.length];
        IntStream.range(0, labels.length)
                .parallel()
                .forEach(k -> models[k] = train(binary(problem, labels[k]), c, dual));
        int[] predictions = new int[test.length];
        double[] decision = new double[1];
        for (int i = 0; i < test.length; i++) {
            Feature[] row = nodes(test[i]);
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < labels.length; k++) {
                Linear.predictValues(models[k], row, decision);
                // A binary model's decision value favours its first label, whichever that is.
                double score = models[k].getLabels()[0] == 1 ? decision[0] : -decision[0];
                if (score > best) {
                    best = score;
                    predictions[i] = labels[k];
                }
            }
        }
        return predictions;
    }

    private Model train(Problem problem, double c, boolean dual) {
        return Linear.train(problem, parameter(c, dual));
    }

    /** {@code problem} relabelled +1 for {@code label} and −1 for the rest; the rows are shared. */
    private static Problem binary(Problem problem, int label) {
        Problem binary = new Problem();
        binary.l = problem.l;
        binary.n = problem.n;
        binary.bias = problem.bias;
        binary.x = problem.x;
        binary.y = new double[problem.l];
        for (int i = 0; i < problem.l; i++) {
            binary.y[i] = problem.y[i] == label ? 1 : -1;
        }
        return binary;
    }

    private double searchC(Problem problem) {
        // The search runs only in the primal; a start C below 0 lets LIBLINEAR derive it.
        Parameter parameter = parameter(DEFAULT_C, false);
        ParameterSearchResult best = Linear.findParameters(problem, parameter, folds, -1, -1);
        return best.getBestC();
    }

    private Parameter parameter(double c, boolean dual) {
        Parameter parameter =
                dual
                        ? new Parameter(SolverType.L2R_LR_DUAL, c, DUAL_TOLERANCE)
                        : new Parameter(SolverType.L2R_LR, c, PRIMAL_TOLERANCE);
        parameter.setRandom(new Random(seed));
        return parameter;
    }

    /** LIBLINEAR's problem: dense rows plus a constant bias feature of 1, labels as doubles. */
    static Problem problem(double[][] rows, int[] labels) {
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = rows[0].length + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.length][];
        problem.y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            problem.x[i] = nodes(rows[i]);
            problem.y[i] = labels[i];
        }
        return problem;
    }

    /** One row as LIBLINEAR's 1-based feature nodes, the bias feature last. */
    static Feature[] nodes(double[] row) {
        Feature[] nodes = new Feature[row.length + 1];
        for (int j = 0; j < row.length; j++) {
            nodes[j] = new FeatureNode(j + 1, row[j]);
        }
        nodes[row.length] = new FeatureNode(row.length + 1, 1.0);
        return nodes;
    }
}
