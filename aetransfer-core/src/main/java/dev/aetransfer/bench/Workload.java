package dev.aetransfer.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A benchmark workload: what one measured step does, and on how many images. */
public enum Workload {
    /** One training step end to end with every parameter training, batch 64. */
    TRAIN_FULL("train-full", 64),
    /** The same with the encoder and latent frozen, the frozen stages run on every step. */
    TRAIN_FREEZE_ENCODER("train-freeze-encoder", 64),
    /** The same with the frozen prefix's outputs computed once and trained on. */
    TRAIN_FREEZE_ENCODER_CACHED("train-freeze-encoder-cached", 64),
    /** Latent means only, in inference mode, batch 256. */
    ENCODE("encode", 256);

    private final String label;
    private final int batchSize;

    Workload(String label, int batchSize) {
        this.label = label;
        this.batchSize = batchSize;
    }

    /** The name the command line and the JSON use, e.g. {@code train-full}. */
    public String label() {
        return label;
    }

    /** Images per step. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The workload of this name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Workload parse(String name) {
        for (Workload workload : values()) {
            if (workload.label.equals(name)) {
                return workload;
            }
        }
        throw new IllegalArgumentException(
                String.format("unknown workload %s; choose one of %s", name, choices()));
    }

    /** The names, comma-separated. */
    public static String choices() {
        return Arrays.stream(values()).map(Workload::label).collect(Collectors.joining(", "));
    }
}
