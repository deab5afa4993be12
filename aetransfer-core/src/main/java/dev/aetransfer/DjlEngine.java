package dev.aetransfer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.function.Supplier;

/**
 * The one way into DJL's PyTorch engine: it keeps DJL offline before the engine loads, so that DJL
 * never tries to download anything, and always picks PyTorch.
 *
 * <p>Before the native library loads it also sets {@code OMP_WAIT_POLICY=PASSIVE} in the process
 * environment, unless the variable is already set. With OpenMP's default policy, threads that wait
 * for work spin; on a machine whose cores other processes also use, spinning threads of two
 * processes starve each other and training slows down many times over. Passive threads sleep.
 */
public final class DjlEngine {

    private static final String OFFLINE = "ai.djl.offline";
    private static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    static {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        preferPassiveWaiting();
    }

    private DjlEngine() {}

    /** The PyTorch engine, loaded on first use; the native library comes from the classpath. */
    public static Engine get() {
        return Engine.getEngine("PyTorch");
    }

    private static void preferPassiveWaiting() {
        if (System.getenv(WAIT_POLICY) != null || !(Platform.isLinux() || Platform.isMac())) {
            return;
        }
        CLibrary.INSTANCE.setenv(WAIT_POLICY, "PASSIVE", 0);
    }

    /** The C library's {@code setenv}, which the OpenMP runtime reads when it loads. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }

    /** {@code PyTorch 2.7.1}, as reports and provenance print the engine. */
    public static String describe() {
        Engine engine = get();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /**
     * Threads each native operation may use (intra-op), as the engine was started with: every core
     * by default, or the system property {@code ai.djl.pytorch.num_threads}.
     */
    public static int threads() {
        get();
        return JniUtils.getNumThreads();
    }

    /**
     * Runs {@code work} with the engine's recording of operations for gradients off on the calling
     * thread, then restores the previous setting. PyTorch's switch is per thread and DJL turns it
     * off only on the thread that loaded the engine, so inference on any other thread would
     * otherwise build gradient graphs through every parameter that trains.
     */
    public static <T> T withoutGradients(Supplier<T> work) {
        get();
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
