package dev.aetransfer.train;

import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;

/**
 * Learning rate of each parameter at each step: the base rate, times the schedule's factor at the
 * global step, times the parameter's multiplier (1 unless given; discriminative fine-tuning gives
 * each stage its own). As a DJL {@link ParameterTracker}, {@code numUpdate} is the global step
 * counted from 1, not a per-parameter count, so that a stage unfrozen late follows the same
 * schedule as the rest.
 */
public final class LearningRates implements ParameterTracker {

    private final float base;
    private final Schedule schedule;
    private final long totalSteps;
    private final Map<String, Float> multipliers;

    /**
     * @param base the base learning rate, positive
     * @param schedule how the rate changes over the run
     * @param totalSteps steps in the whole run, for the schedule
     * @param multipliers multiplier by parameter name; parameters not named get 1
     */
    public LearningRates(
            float base, Schedule schedule, long totalSteps, Map<String, Float> multipliers) {
        if (!(base > 0) || Float.isInfinite(base)) {
            throw new IllegalArgumentException(
                    String.format("learning rate must be positive, got %s", base));
        }
        this.base = base;
        this.schedule = schedule;
        this.totalSteps = totalSteps;
        this.multipliers = Map.copyOf(multipliers);
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        double factor = schedule.factor(numUpdate - 1L, totalSteps);
        return (float) (base * factor * multipliers.getOrDefault(parameterId, 1f));
    }

    /** The rate of a parameter without a multiplier at global step {@code step} (from 1). */
    public float baseRate(long step) {
        return (float) (base * schedule.factor(step - 1, totalSteps));
    }
}
