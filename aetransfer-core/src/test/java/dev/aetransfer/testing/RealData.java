package dev.aetransfer.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real data from Debian packages, for the tests tagged {@code real-data}. Outside CI a test whose
 * data is missing skips with the package to install; with {@code -Daetransfer.requireRealData=true}
 * (as {@code .ci/run} sets) it fails instead.
 */
public final class RealData {

    /** Fashion-MNIST IDX files, from the Debian package {@code dataset-fashion-mnist}. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** GIMP's texture patterns, one folder per kind, from the Debian package {@code gimp-data}. */
    public static final Path GIMP_PATTERNS = Path.of("/usr/share/gimp/2.0/patterns");

    private RealData() {}

    /** The Fashion-MNIST folder, or a skip (a failure in CI) when the package is missing. */
    public static Path fashionMnist() {
        return require(FASHION_MNIST, "dataset-fashion-mnist");
    }

    /** The GIMP patterns folder, or a skip (a failure in CI) when the package is missing. */
    public static Path gimpPatterns() {
        return require(GIMP_PATTERNS, "gimp-data");
    }

    private static Path require(Path path, String debianPackage) {
        if (Files.isDirectory(path)) {
            return path;
        }
        String message =
                String.format(
                        "%s is missing: install the Debian package %s (apt-get install %s)",
                        path, debianPackage, debianPackage);
        if (Boolean.getBoolean("aetransfer.requireRealData")) {
            fail(message);
        }
        Assumptions.abort(message);
        return path;
    }
}
