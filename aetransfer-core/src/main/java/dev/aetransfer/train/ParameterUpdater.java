package dev.aetransfer.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;

/**
 * Applies one step's gradients to the trainable parameters and clears the gradients. The local
 * implementation clips and steps the optimiser; a data-parallel one would first combine gradients
 * across workers.
 */
public interface ParameterUpdater {

    /**
     * @param trainable the parameters that have gradients this step, with stable names
     * @param step the global step, counted from 1
     */
    void update(List<Pair<String, Parameter>> trainable, int step);
}
