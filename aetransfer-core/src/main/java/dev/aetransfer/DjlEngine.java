package dev.aetransfer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one way into DJL's PyTorch engine: it keeps DJL offline before the engine loads, so that DJL
 * never tries to download anything, and always picks PyTorch.
 *
 * <p>Before the native library loads it also tunes two things of the process that PyTorch's CPU
 * kernels depend on, each only where the environment says nothing about it:
 *
 * <ul>
 *   <li>How OpenMP threads wait for work. By default they spin for a while first; on a machine
 *       whose cores other processes also use, spinning threads starve the ones with work and a
 *       training step becomes about ten times slower. On Linux this sets {@code
 *       GOMP_SPINCOUNT=10000} (a thirtieth of the default spin) unless {@code OMP_WAIT_POLICY} or
 *       {@code GOMP_SPINCOUNT} is set: on an idle machine that costs a few percent, where sleeping
 *       at once ({@code OMP_WAIT_POLICY=PASSIVE}, which it sets on macOS) costs 10 to 25 %; under
 *       contention it gets most of what sleeping gets.
 *   <li>How glibc's allocator returns memory (Linux). By default it unmaps every large freed block
 *       and maps fresh pages for the next tensor of the same size, whose first touch faults page by
 *       page; keeping freed blocks of up to 128 MiB in the heap ({@code mallopt}) removes three
 *       quarters of the page faults and makes encoding batches of 256 images of 3×64×64 about 80 %
 *       faster (training, with smaller batches, a few percent). Skipped when any {@code MALLOC_*_}
 *       setting or {@code GLIBC_TUNABLES} is in the environment, or the C library has no {@code
 *       mallopt}.
 * </ul>
 */
public final class DjlEngine {

    private static final String OFFLINE = "ai.djl.offline";
    private static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    private static final String SPIN_COUNT = "GOMP_SPINCOUNT";
    private static final String SHORT_SPIN = "10000";
    private static final List<String> ALLOCATOR_SETTINGS =
            List.of(
                    "MALLOC_MMAP_THRESHOLD_",
                    "MALLOC_TRIM_THRESHOLD_",
                    "MALLOC_TOP_PAD_",
                    "GLIBC_TUNABLES");

    /** {@code mallopt} parameters, from glibc's {@code malloc.h}. */
    private static final int M_TRIM_THRESHOLD = -1;

    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MIB = 1 << 20;

    static {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        tuneOpenMpWaiting();
        keepFreedMemoryInTheHeap();
    }

    private DjlEngine() {}

    /** The PyTorch engine, loaded on first use; the native library comes from the classpath. */
    public static Engine get() {
        return Engine.getEngine("PyTorch");
    }

    private static void tuneOpenMpWaiting() {
        if (System.getenv(WAIT_POLICY) != null || System.getenv(SPIN_COUNT) != null) {
            return;
        }
        if (Platform.isLinux()) {
            CLibrary.INSTANCE.setenv(SPIN_COUNT, SHORT_SPIN, 0);
        } else if (Platform.isMac()) {
            CLibrary.INSTANCE.setenv(WAIT_POLICY, "PASSIVE", 0);
        }
    }

    private static void keepFreedMemoryInTheHeap() {
        if (!Platform.isLinux()
                || ALLOCATOR_SETTINGS.stream().anyMatch(n -> System.getenv(n) != null)) {
            return;
        }
        try {
            CLibrary.INSTANCE.mallopt(M_MMAP_THRESHOLD, 128 * MIB);
            CLibrary.INSTANCE.mallopt(M_TRIM_THRESHOLD, 256 * MIB);
            CLibrary.INSTANCE.mallopt(M_TOP_PAD, 64 * MIB);
        } catch (UnsatisfiedLinkError e) {
            // A C library without mallopt (musl): its allocator stays as it is.
        }
    }

    /** The C library's environment, which the OpenMP runtime reads when it loads, and allocator. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        int mallopt(int parameter, int value);
    }

    /** The value of a variable in this process's C environment, as native libraries see it. */
    static String nativeEnvironment(String name) {
        return CLibrary.INSTANCE.getenv(name);
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
