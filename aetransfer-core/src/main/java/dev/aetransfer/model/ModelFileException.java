package dev.aetransfer.model;

import java.nio.file.Path;

/**
 * A model file or checkpoint that cannot be read: missing, truncated, altered, of an unknown format
 * version, or inconsistent with itself. The message names the file and what is wrong.
 */
public final class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        super(String.format("cannot read model file %s: %s", file, problem));
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(String.format("cannot read model file %s: %s", file, problem), cause);
    }
}
