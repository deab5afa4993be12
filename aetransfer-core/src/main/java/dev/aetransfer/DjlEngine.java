package dev.aetransfer;

import ai.djl.engine.Engine;

/**
 * The one way into DJL's PyTorch engine: it keeps DJL offline before the engine loads, so that DJL
 * never tries to download anything, and always picks PyTorch.
 */
public final class DjlEngine {

    private static final String OFFLINE = "ai.djl.offline";

    private DjlEngine() {}

    /** The PyTorch engine, loaded on first use; the native library comes from the classpath. */
    public static Engine get() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        return Engine.getEngine("PyTorch");
    }

    /** {@code PyTorch 2.7.1}, as reports and provenance print the engine. */
    public static String describe() {
        Engine engine = get();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
