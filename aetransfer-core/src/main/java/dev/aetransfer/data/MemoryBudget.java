package dev.aetransfer.data;

/**
 * Bytes of sample values that one load may hold in memory, shared by every buffer of that load.
 * Thread-safe.
 */
final class MemoryBudget {

    private final long total;
    private long reserved;

    MemoryBudget(long total) {
        this.total = total;
    }

    /** Reserves {@code bytes} if they fit in what is left, and says whether they did. */
    synchronized boolean tryReserve(long bytes) {
        if (bytes > total - reserved) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
    }

    long total() {
        return total;
    }
}
