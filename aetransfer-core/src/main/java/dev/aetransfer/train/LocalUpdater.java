package dev.aetransfer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;

/**
 * Updates parameters in this process: optional clipping of the global gradient norm, then the
 * optimiser's step for each parameter.
 */
public final class LocalUpdater implements ParameterUpdater {

    private final AdamOptimizer optimizer;
    private final float clipNorm;

    /**
     * @param optimizer the optimiser to step
     * @param clipNorm largest global gradient norm; 0 for none
     */
    public LocalUpdater(AdamOptimizer optimizer, float clipNorm) {
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
    }

    @Override
    public void update(List<Pair<String, Parameter>> trainable, int step) {
        if (trainable.isEmpty()) {
            return;
        }
        if (clipNorm > 0) {
            clip(trainable);
        }
        optimizer.setGlobalStep(step);
        for (Pair<String, Parameter> pair : trainable) {
            NDArray weight = pair.getValue().getArray();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(pair.getKey(), weight, gradient);
            }
        }
    }

    private void clip(List<Pair<String, Parameter>> trainable) {
        NDManager any = trainable.get(0).getValue().getArray().getManager();
        try (NDManager scratch = any.newSubManager()) {
            NDArray sumOfSquares = scratch.zeros(new Shape());
            for (Pair<String, Parameter> pair : trainable) {
                NDArray gradient = pair.getValue().getArray().getGradient();
                gradient.attach(scratch);
                sumOfSquares = sumOfSquares.add(gradient.square().sum());
            }
            float norm = (float) Math.sqrt(sumOfSquares.getFloat());
            if (norm > clipNorm && Float.isFinite(norm)) {
                float factor = clipNorm / norm;
                for (Pair<String, Parameter> pair : trainable) {
                    NDArray gradient = pair.getValue().getArray().getGradient();
                    gradient.attach(scratch);
                    gradient.muli(factor);
                }
            }
        }
    }
}
