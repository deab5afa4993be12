package dev.aetransfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader, or a run killed at any moment, sees either the old file or the
 * whole new one: the content goes to a temporary file beside the target, is flushed to disk, and is
 * then renamed over the target.
 */
public final class AtomicFiles {

    /** Suffix of the temporary files; a leftover one is an interrupted write and can be ignored. */
    public static final String TEMPORARY_SUFFIX = ".partial";

    private AtomicFiles() {}

    /** Writes what {@code writer} produces to {@code target} atomically. */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = createTemporary(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel =
                    FileChannel.open(
                            temporary,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, absolute);
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes bytes to {@code target} atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** A new empty file beside the target, with the default permissions a new file gets. */
    private static Path createTemporary(Path directory, String name) throws IOException {
        while (true) {
            long tag = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path candidate = directory.resolve("." + name + "." + tag + TEMPORARY_SUFFIX);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                // Another writer picked the same tag; draw again.
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; file systems that cannot open directories skip this. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename has happened either way.
        }
    }

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
