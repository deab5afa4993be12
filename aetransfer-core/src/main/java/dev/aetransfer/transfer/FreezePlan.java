package dev.aetransfer.transfer;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aetransfer.model.AutoencoderBlock;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a strategy freezes in one epoch and each stage's learning-rate multiplier. Frozen stages
 * pass no gradient and run in inference mode, so their batch-normalisation statistics stay put.
 *
 * @param frozenStages names of the stages that do not train
 * @param stageMultipliers learning-rate multiplier of each stage that trains
 */
public record FreezePlan(Set<String> frozenStages, Map<String, Float> stageMultipliers) {

    public FreezePlan {
        frozenStages = Set.copyOf(frozenStages);
        stageMultipliers = Map.copyOf(stageMultipliers);
    }

    /**
     * The plan of {@code strategy} for a model with {@code block}'s stages in epoch {@code epoch}
     * (from 0).
     *
     * @throws IllegalArgumentException when a {@code freeze:} glob matches no stage
     */
    public static FreezePlan of(
            Strategy strategy, AutoencoderBlock block, int epoch, TransferOptions options) {
        List<String> stages = block.stageNames();
        int count = stages.size();
        Set<String> frozen = new LinkedHashSet<>();
        switch (strategy.kind()) {
            case SCRATCH, FULL, DISCRIMINATIVE -> {}
            case PRETRAINED -> frozen.addAll(stages);
            case FREEZE_ENCODER -> frozen.addAll(stages.subList(0, block.stageIndex("decoder.0")));
            case LAST_LAYER -> frozen.addAll(stages.subList(0, count - 1));
            case GRADUAL -> frozen.addAll(stages.subList(0, Math.max(0, count - 1 - epoch)));
            case ADAPTERS -> {
                for (String stage : stages) {
                    if (!stage.startsWith("adapter.")) {
                        frozen.add(stage);
                    }
                }
            }
            case FREEZE_GLOB -> frozen.addAll(matching(strategy.globs(), stages));
        }

        Map<String, Float> multipliers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String stage = stages.get(i);
            if (frozen.contains(stage)) {
                continue;
            }
            float multiplier =
                    switch (strategy.kind()) {
                        case FULL -> options.fullLearningRateFactor();
                        case DISCRIMINATIVE ->
                                (float) Math.pow(options.discriminativeFactor(), i - (count - 1));
                        default -> 1f;
                    };
            multipliers.put(stage, multiplier);
        }
        return new FreezePlan(frozen, multipliers);
    }

    private static Set<String> matching(List<String> globs, List<String> stages) {
        Set<String> matched = new LinkedHashSet<>();
        for (String glob : globs) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            boolean any = false;
            for (String stage : stages) {
                if (matcher.matches(Path.of(stage))) {
                    matched.add(stage);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException(
                        String.format(
                                "freeze:%s matches no stage; the stages are %s",
                                glob, String.join(", ", stages)));
            }
        }
        return matched;
    }

    /** True when {@code stage} trains under this plan. */
    public boolean trains(String stage) {
        return !frozenStages.contains(stage);
    }

    /** The learning-rate multiplier of a stage; 0 for a frozen one. */
    public float multiplier(String stage) {
        return frozenStages.contains(stage) ? 0f : stageMultipliers.getOrDefault(stage, 1f);
    }

    /**
     * Freezes and unfreezes the block's parameters to match, and runs the frozen stages in
     * inference mode. Batch-normalisation running statistics never require gradients.
     */
    public void apply(AutoencoderBlock block) {
        for (String stage : block.stageNames()) {
            boolean freeze = frozenStages.contains(stage);
            for (Pair<String, Parameter> pair : block.stage(stage).getParameters()) {
                Parameter parameter = pair.getValue();
                if (!isRunningStatistic(parameter) && parameter.requiresGradient() == freeze) {
                    parameter.freeze(freeze);
                }
            }
        }
        block.setInferenceStages(frozenStages);
    }

    private static boolean isRunningStatistic(Parameter parameter) {
        Parameter.Type type = parameter.getType();
        return type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR;
    }

    /** Index of the first stage that trains; the stage count when none does. */
    public int firstTrainableStage(AutoencoderBlock block) {
        List<String> stages = block.stageNames();
        for (int i = 0; i < stages.size(); i++) {
            if (!frozenStages.contains(stages.get(i))) {
                return i;
            }
        }
        return stages.size();
    }

    /** The multipliers by parameter name, as the learning rates take them. */
    public Map<String, Float> parameterMultipliers(AutoencoderBlock block) {
        Map<String, Float> byParameter = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            String stage = block.stageOfParameter(pair.getKey());
            float multiplier = multiplier(stage);
            if (multiplier != 1f) {
                byParameter.put(pair.getKey(), multiplier);
            }
        }
        return byParameter;
    }
}
