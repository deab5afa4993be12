package dev.aetransfer.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sample set's shape, stored values and labels: two sets with the same fingerprint
 * hold the same data in the same order. Provenance records it, so that a model says exactly what it
 * was trained on.
 */
public final class DataFingerprint {

    private DataFingerprint() {}

    /** {@code sha256:<hex>} of the set; reads every sample once. */
    public static String of(SampleSet samples) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        SampleShape shape = samples.shape();
        digest.update(shape.toString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer =
                ByteBuffer.allocate(shape.volume() * samples.storage().bytesPerValue() + 4)
                        .order(ByteOrder.nativeOrder());
        for (int i = 0; i < samples.size(); i++) {
            buffer.clear();
            samples.copyTo(i, buffer);
            buffer.putInt(samples.label(i));
            buffer.flip();
            digest.update(buffer);
        }
        for (String name : samples.classNames()) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
