package dev.aetransfer.train;

/** The optimisers DJL's PyTorch engine implements natively and aetransfer offers. */
public enum OptimizerKind {
    /** Adam; weight decay, if any, is added to the gradient (L2). */
    ADAM,
    /** AdamW: weight decay is applied to the weights directly, decoupled from the gradient. */
    ADAMW
}
