package dev.aetransfer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam and AdamW through the engine's fused native update, with state that a checkpoint can save
 * and restore exactly.
 *
 * <p>Unlike DJL's own Adam, the bias correction uses each parameter's own step count (a stage
 * unfrozen late starts its correction afresh) and the state is keyed by parameter name, which is
 * stable across runs. Moments live on a manager of their own, closed with the optimiser. Not
 * thread-safe.
 */
public final class AdamOptimizer extends Optimizer implements AutoCloseable {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final String STEPS = "steps";

    private final ParameterTracker learningRates;
    private final boolean decoupled;
    private final NDManager stateManager;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private int globalStep;

    private AdamOptimizer(Builder builder) {
        super(builder);
        this.learningRates = builder.learningRates;
        this.decoupled = builder.kind == OptimizerKind.ADAMW;
        this.stateManager = builder.manager.newSubManager();
    }

    /** A builder; the learning rates and the manager for the state are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The optimiser a training run with {@code config} uses: its kind and weight decay, the given
     * learning rates, the moments under {@code manager}.
     */
    public static AdamOptimizer of(
            TrainingConfig config, ParameterTracker learningRates, NDManager manager) {
        return builder()
                .setLearningRates(learningRates)
                .setManager(manager)
                .optKind(config.optimizer())
                .optWeightDecays(config.weightDecay())
                .build();
    }

    /** Sets the global step (from 1) that the learning rates follow. */
    public void setGlobalStep(int step) {
        this.globalStep = step;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        float rate = learningRates.getNewValue(parameterId, globalStep);
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        float corrected = (float) (rate * Math.sqrt(correction2) / correction1);
        NDArray mean = means.computeIfAbsent(parameterId, k -> zerosLike(weight));
        NDArray variance = variances.computeIfAbsent(parameterId, k -> zerosLike(weight));
        weight.getNDArrayInternal()
                .adamUpdate(
                        new NDList(weight, grad, mean, variance),
                        new NDList(weight),
                        rate,
                        corrected,
                        getWeightDecay(),
                        rescaleGrad,
                        clipGrad,
                        BETA1,
                        BETA2,
                        EPSILON,
                        true,
                        decoupled);
    }

    private NDArray zerosLike(NDArray weight) {
        return stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    /**
     * The state as arrays named {@code PARAM/mean}, {@code PARAM/variance} and {@code PARAM/steps},
     * owned by {@code manager}; {@link #loadState} reads it back.
     */
    public NDList state(NDManager manager) {
        NDList state = new NDList();
        for (Map.Entry<String, Integer> entry : steps.entrySet()) {
            String name = entry.getKey();
            NDArray mean = means.get(name).duplicate();
            mean.attach(manager);
            mean.setName(name + "/mean");
            NDArray variance = variances.get(name).duplicate();
            variance.attach(manager);
            variance.setName(name + "/variance");
            NDArray count = manager.create(new int[] {entry.getValue()});
            count.setName(name + "/" + STEPS);
            state.add(mean);
            state.add(variance);
            state.add(count);
        }
        return state;
    }

    /** Replaces the state with one saved by {@link #state}; the arrays are copied. */
    public void loadState(NDList state) {
        clear();
        for (NDArray array : state) {
            String fullName = array.getName();
            int slash = fullName.lastIndexOf('/');
            String name = fullName.substring(0, slash);
            switch (fullName.substring(slash + 1)) {
                case "mean" -> means.put(name, copy(array));
                case "variance" -> variances.put(name, copy(array));
                case STEPS -> steps.put(name, array.toIntArray()[0]);
                default ->
                        throw new IllegalArgumentException(
                                String.format("unknown optimiser state %s", fullName));
            }
        }
    }

    private NDArray copy(NDArray array) {
        NDArray copy = array.duplicate();
        copy.attach(stateManager);
        return copy;
    }

    private void clear() {
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
        steps.clear();
    }

    @Override
    public void close() {
        clear();
        stateManager.close();
    }

    /** Builds an {@link AdamOptimizer}. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRates;
        private OptimizerKind kind = OptimizerKind.ADAM;
        private NDManager manager;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        public Builder setLearningRates(ParameterTracker learningRates) {
            this.learningRates = learningRates;
            return this;
        }

        /** The manager whose sub-manager holds the moments; usually the model's. */
        public Builder setManager(NDManager manager) {
            this.manager = manager;
            return this;
        }

        public Builder optKind(OptimizerKind kind) {
            this.kind = kind;
            return this;
        }

        public AdamOptimizer build() {
            if (learningRates == null || manager == null) {
                throw new IllegalStateException("an optimiser needs learning rates and a manager");
            }
            return new AdamOptimizer(this);
        }
    }
}
