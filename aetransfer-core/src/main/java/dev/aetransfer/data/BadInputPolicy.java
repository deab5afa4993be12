package dev.aetransfer.data;

/** What loading does with a file it cannot read: an image, a pattern or one of a folder's files. */
public enum BadInputPolicy {
    /** Stop at the first unreadable file with a message naming it. The default. */
    FAIL,
    /** Leave the file out with one WARN naming it, and log how many were left out at the end. */
    SKIP
}
