package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activation between layers of every hidden stage. */
public enum Nonlinearity {
    RELU,
    LEAKY_RELU,
    GELU,
    SILU,
    TANH;

    /** Applies the activation; LEAKY_RELU uses a negative slope of 0.01, as PyTorch does. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case RELU -> Activation.relu(x);
            case LEAKY_RELU -> Activation.leakyRelu(x, 0.01f);
            case GELU -> Activation.gelu(x);
            case SILU -> x.mul(Activation.sigmoid(x));
            case TANH -> Activation.tanh(x);
        };
    }
}
