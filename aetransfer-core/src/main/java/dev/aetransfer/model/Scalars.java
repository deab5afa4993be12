package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for arithmetic that autograd differentiates.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code maximum}, …) wraps the number in a
 * tensor over a direct Java buffer and closes it right after the operation, dropping the last Java
 * reference to that buffer. Autograd keeps the tensor to compute the backward pass, so once the
 * garbage collector frees the buffer the backward pass reads freed memory: gradients then depend on
 * whatever was allocated there, training stops being reproducible and can blow up. A scalar made
 * here lives in native memory that the tensor owns, on the manager of the array it combines with,
 * so it lives until that manager closes.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a 0-d tensor of {@code like}'s type, owned by {@code like}'s manager. */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
