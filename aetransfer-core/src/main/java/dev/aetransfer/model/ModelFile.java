package dev.aetransfer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aetransfer.AtomicFiles;
import dev.aetransfer.Json;
import dev.aetransfer.Versions;
import dev.aetransfer.data.SampleShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .aet} model file: one zip holding {@code manifest.json} (format name and version, and
 * the SHA-256 of every other part), {@code spec.json}, {@code parameters.djl} (DJL's parameter
 * encoding) and {@code provenance.json}. Checkpoints add parts of their own.
 *
 * <p>Files are written atomically. Loading checks every part against the manifest and the
 * parameters against the spec, and refuses anything else with a {@link ModelFileException} that
 * says what is wrong.
 */
public final class ModelFile {

    /** The format version this library writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    public static final String MANIFEST = "manifest.json";
    public static final String SPEC = "spec.json";
    public static final String PARAMETERS = "parameters.djl";
    public static final String PROVENANCE = "provenance.json";

    private static final String FORMAT_NAME = "aetransfer-model";

    private ModelFile() {}

    /** The parts of a model file whose manifest and hashes have been checked. */
    public record Contents(Path file, Map<String, byte[]> parts) {

        /** The bytes of a part, or a {@link ModelFileException} naming it when it is missing. */
        public byte[] part(String name) {
            byte[] bytes = parts.get(name);
            if (bytes == null) {
                throw new ModelFileException(file, String.format("the part %s is missing", name));
            }
            return bytes;
        }
    }

    /** Writes the model and its provenance to {@code path} atomically. */
    public static void save(Autoencoder model, Provenance provenance, Path path) {
        save(model, provenance, Map.of(), path);
    }

    /**
     * Writes the model, its provenance and extra parts (such as a checkpoint's training state) to
     * {@code path} atomically.
     */
    public static void save(
            Autoencoder model, Provenance provenance, Map<String, byte[]> extra, Path path) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try {
            parts.put(SPEC, Json.mapper().writeValueAsBytes(model.spec()));
            parts.put(PARAMETERS, parameterBytes(model));
            parts.put(PROVENANCE, Json.mapper().writeValueAsBytes(provenance));
            parts.putAll(extra);
            byte[] manifest = Json.mapper().writeValueAsBytes(manifest(parts));
            AtomicFiles.write(path, out -> writeZip(out, manifest, parts));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    String.format("cannot write model file %s: %s", path, e.getMessage()), e);
        }
    }

    /** The model's parameters in DJL's encoding, as {@code parameters.djl} holds them. */
    public static byte[] parameterBytes(Autoencoder model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.block().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Replaces the model's parameter arrays with ones read from {@link #parameterBytes} of a model
     * of the same spec. The old arrays are closed: parameter stores that cached them must not be
     * used afterwards.
     *
     * @param origin where the bytes came from, for messages
     */
    public static void replaceParameters(Autoencoder model, byte[] bytes, Path origin) {
        loadParameters(model, bytes, origin);
    }

    private static Map<String, Object> manifest(Map<String, byte[]> parts) {
        Map<String, String> hashes = new LinkedHashMap<>();
        parts.forEach((name, bytes) -> hashes.put(name, sha256(bytes)));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT_NAME);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("writtenBy", "aetransfer " + Versions.aetransfer());
        manifest.put("parts", hashes);
        return manifest;
    }

    private static void writeZip(OutputStream out, byte[] manifest, Map<String, byte[]> parts)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest);
        zip.closeEntry();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            zip.putNextEntry(new ZipEntry(part.getKey()));
            zip.write(part.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Loads a model file: spec, parameters and provenance, each checked. */
    public static Autoencoder load(Path path) {
        return load(read(path));
    }

    /** Reads a model file's parts and checks them against its manifest. */
    public static Contents read(Path path) {
        if (!Files.exists(path)) {
            throw new ModelFileException(path, "no such file");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException(
                    path, "not a complete zip archive; it is truncated or not an .aet file", e);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "unreadable: " + e.getMessage(), e);
        }
        checkManifest(path, entries);
        entries.remove(MANIFEST);
        return new Contents(path, entries);
    }

    private static void checkManifest(Path path, Map<String, byte[]> entries) {
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new ModelFileException(
                    path, "the part manifest.json is missing; this is not an aetransfer model");
        }
        JsonNode manifest;
        try {
            manifest = Json.mapper().readTree(manifestBytes);
        } catch (IOException e) {
            throw new ModelFileException(path, "manifest.json is not valid JSON", e);
        }
        if (!FORMAT_NAME.equals(manifest.path("format").asText())) {
            throw new ModelFileException(
                    path, "manifest.json does not name the aetransfer-model format");
        }
        int version = manifest.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelFileException(
                    path,
                    String.format(
                            "format version %d is not supported; aetransfer %s reads version %d",
                            version, Versions.aetransfer(), FORMAT_VERSION));
        }
        JsonNode hashes = manifest.path("parts");
        for (String required : List.of(SPEC, PARAMETERS, PROVENANCE)) {
            if (!hashes.has(required) || !entries.containsKey(required)) {
                throw new ModelFileException(
                        path, String.format("the part %s is missing", required));
            }
        }
        List<String> listed = new ArrayList<>();
        hashes.fieldNames().forEachRemaining(listed::add);
        for (String name : listed) {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new ModelFileException(path, String.format("the part %s is missing", name));
            }
            if (!sha256(bytes).equals(hashes.get(name).asText())) {
                throw new ModelFileException(
                        path,
                        String.format(
                                "the part %s was altered: its SHA-256 does not match the manifest",
                                name));
            }
        }
    }

    /** The architecture a model file holds, checked against its manifest, without loading it. */
    public static AutoencoderSpec readSpec(Path path) {
        Contents contents = read(path);
        return readJson(path, contents.part(SPEC), AutoencoderSpec.class);
    }

    /** Builds the model of checked contents. */
    public static Autoencoder load(Contents contents) {
        Path path = contents.file();
        AutoencoderSpec spec = readJson(path, contents.part(SPEC), AutoencoderSpec.class);
        Provenance provenance = readJson(path, contents.part(PROVENANCE), Provenance.class);
        Autoencoder model = Autoencoder.unloaded(spec, provenance);
        try {
            loadParameters(model, contents.part(PARAMETERS), path);
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static <T> T readJson(Path path, byte[] bytes, Class<T> type) {
        String part = type == AutoencoderSpec.class ? SPEC : PROVENANCE;
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (JsonProcessingException e) {
            String reason =
                    e.getCause() instanceof IllegalArgumentException invalid
                            ? invalid.getMessage()
                            : e.getOriginalMessage();
            throw new ModelFileException(path, String.format("%s is invalid: %s", part, reason), e);
        } catch (IOException e) {
            throw new ModelFileException(path, String.format("%s is unreadable", part), e);
        }
    }

    /**
     * Initialises the block to learn the shape every parameter must have, then reads the stored
     * parameters in their place and checks them.
     */
    private static void loadParameters(Autoencoder model, byte[] bytes, Path path) {
        SampleShape shape = model.spec().inputShape();
        if (!model.block().isInitialized()) {
            model.block()
                    .initialize(
                            model.manager(),
                            DataType.FLOAT32,
                            new Shape(1, shape.channels(), shape.height(), shape.width()));
        }
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : model.block().getParameters()) {
            expected.put(pair.getKey(), pair.getValue().getShape());
            pair.getValue().close();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            model.block().loadParameters(model.manager(), in);
            if (in.read() != -1) {
                throw new ModelFileException(
                        path, "parameters.djl holds more parameters than spec.json describes");
            }
        } catch (MalformedModelException | IOException e) {
            throw new ModelFileException(
                    path,
                    String.format("parameters.djl does not match spec.json: %s", e.getMessage()),
                    e);
        }
        for (Pair<String, Parameter> pair : model.block().getParameters()) {
            Parameter parameter = pair.getValue();
            Shape actual = parameter.getArray().getShape();
            if (!actual.equals(expected.get(pair.getKey()))) {
                throw new ModelFileException(
                        path,
                        String.format(
                                "parameter %s has shape %s but spec.json needs %s",
                                pair.getKey(), actual, expected.get(pair.getKey())));
            }
            // Loading does not restore autograd flags; trainable parameters need them back.
            parameter.getArray().setRequiresGradient(parameter.requiresGradient());
        }
    }

    /** SHA-256 of a file's bytes, as lowercase hex. */
    public static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
