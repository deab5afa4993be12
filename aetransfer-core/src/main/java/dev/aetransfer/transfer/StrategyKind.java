package dev.aetransfer.transfer;

/** The transfer strategies, by what trains. */
public enum StrategyKind {
    /** Everything, from random weights, on the target only: the baseline without transfer. */
    SCRATCH("scratch", "everything, from random weights, on the target only"),
    /** Nothing: the pretrained model as it is. */
    PRETRAINED("pretrained", "nothing: the pretrained model as it is"),
    /** The decoder; encoder and latent stay frozen, so the latent space is kept. */
    FREEZE_ENCODER("freeze-encoder", "the decoder; encoder and latent frozen"),
    /** Only {@code decoder.out}. */
    LAST_LAYER("last-layer", "decoder.out only"),
    /** Everything, at a tenth of the learning rate by default. */
    FULL("full", "everything, at a lower learning rate"),
    /** Everything, the learning rate growing geometrically from encoder to decoder. */
    DISCRIMINATIVE("discriminative", "everything, learning rate growing from encoder to decoder"),
    /** One more stage each epoch, from the decoder end. */
    GRADUAL("gradual", "one more stage each epoch, from the decoder end"),
    /** New zero-initialised residual adapters around the latent; the base is frozen. */
    ADAPTERS("adapters", "new residual adapters around the latent; base frozen"),
    /** Everything but the stages matching the globs. */
    FREEZE_GLOB("freeze:GLOB", "everything but the stages matching GLOB[,GLOB]");

    private final String label;
    private final String description;

    StrategyKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name the command line takes. */
    public String label() {
        return label;
    }

    /** What trains, in a few words. */
    public String description() {
        return description;
    }
}
