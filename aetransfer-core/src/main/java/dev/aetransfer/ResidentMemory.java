package dev.aetransfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: native memory
 * (the engine's tensors) counts as much as the Java heap. Elsewhere the figures are empty.
 * Thread-safe.
 */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long KIB = 1024;

    private ResidentMemory() {}

    /** Resident memory now ({@code VmRSS}) in bytes. */
    public static OptionalLong current() {
        return field("VmRSS:");
    }

    /** The peak resident memory so far ({@code VmHWM}) in bytes. */
    public static OptionalLong peak() {
        return field("VmHWM:");
    }

    /** Bytes in MiB with one decimal, or {@code unavailable}, as log lines print them. */
    public static String mib(OptionalLong bytes) {
        return bytes.isPresent()
                ? String.format(Locale.ROOT, "%.1f", bytes.getAsLong() / (double) (KIB * KIB))
                : "unavailable";
    }

    private static OptionalLong field(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(STATUS);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
        for (String line : lines) {
            if (line.startsWith(name)) {
                // e.g. "VmRSS:\t  123456 kB"
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * KIB);
            }
        }
        return OptionalLong.empty();
    }
}
