package dev.aetransfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of aetransfer and of the DJL and PyTorch it was built against. */
public final class Versions {

    private static final Properties PROPERTIES = load();

    private Versions() {}

    /** This library's version, e.g. {@code 0.1.0}. */
    public static String aetransfer() {
        return PROPERTIES.getProperty("version");
    }

    /** The DJL version the library was built against. */
    public static String djl() {
        return PROPERTIES.getProperty("djl");
    }

    /** The PyTorch version of the native library the build packages. */
    public static String pytorch() {
        return PROPERTIES.getProperty("pytorch");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
