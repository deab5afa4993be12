package dev.aetransfer.cli;

import dev.aetransfer.model.ModelFileException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one message on stderr and an exit code: bad input (an
 * {@link IllegalArgumentException} or a missing file) exits 2, anything else exits 1. This is the
 * only place where errors are logged.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (isBadInput(exception)) {
            commandLine.getErr().println("error: " + messageOf(exception));
            return Main.BAD_INPUT;
        }
        commandLine.getErr().println("failed: " + messageOf(exception));
        LOG.debug("stack trace of the failure", exception);
        return Main.FAILURE;
    }

    private static boolean isBadInput(Throwable exception) {
        if (exception instanceof IllegalArgumentException
                || exception instanceof ModelFileException) {
            return true;
        }
        if (exception instanceof UncheckedIOException unchecked) {
            return unchecked.getCause() instanceof NoSuchFileException;
        }
        return exception instanceof NoSuchFileException;
    }

    private static String messageOf(Throwable exception) {
        if (exception instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (exception instanceof UncheckedIOException unchecked
                && unchecked.getCause() instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
