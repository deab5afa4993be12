package dev.aetransfer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aetransfer.Json;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.testing.TinyData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static final SampleShape SHAPE = new SampleShape(1, 8, 8);

    /** A saved model of format version 1 that every later version must keep reading. */
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/conv-vae-v1.aet");

    private static Provenance provenance() {
        return Provenance.builder().setData("tiny-stripes", "sha256:00", 4).optSeed(3).build();
    }

    private static Path saved(Path dir) {
        Path file = dir.resolve("model.aet");
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", SHAPE, 3), 3)) {
            ModelFile.save(model, provenance(), file);
        }
        return file;
    }

    @Test
    void saveThenLoad_givesBitIdenticalOutputs(@TempDir Path dir) {
        var data = TinyData.stripes(SHAPE, 2, 3, 1);
        Path file = dir.resolve("model.aet");
        float[][] before;
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", SHAPE, 3), 9)) {
            before = model.reconstruct(data, new int[] {0, 1, 2, 3, 4, 5});
            ModelFile.save(model, provenance(), file);
        }

        try (Autoencoder loaded = ModelFile.load(file)) {
            assertThat(loaded.reconstruct(data, new int[] {0, 1, 2, 3, 4, 5}))
                    .isDeepEqualTo(before);
            assertThat(loaded.provenance().dataOrigin()).isEqualTo("tiny-stripes");
            assertThat(loaded.spec()).isEqualTo(Presets.named("conv-vae", SHAPE, 3));
        }
    }

    @Test
    void fixture_ofFormatVersion1_stillLoadsAndEncodesAsPinned() throws IOException {
        if (Boolean.getBoolean("aetransfer.updateFixtures")) {
            writeFixture();
        }
        var data = TinyData.stripes(SHAPE, 2, 2, 1);
        float[] pinned = readPinned();

        try (Autoencoder model = ModelFile.load(FIXTURE)) {
            float[][] means = model.encode(data, 4);
            float[] flat = new float[means.length * means[0].length];
            for (int i = 0; i < means.length; i++) {
                System.arraycopy(means[i], 0, flat, i * means[i].length, means[i].length);
            }
            assertThat(flat).containsExactly(pinned, within(1e-5f));
            assertThat(model.provenance().formatVersion()).isEqualTo(1);
        }
    }

    private static void writeFixture() throws IOException {
        var data = TinyData.stripes(SHAPE, 2, 2, 1);
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", SHAPE, 3), 1234)) {
            ModelFile.save(model, provenance(), FIXTURE);
            float[][] means = model.encode(data, 4);
            StringBuilder text = new StringBuilder();
            for (float[] row : means) {
                for (float value : row) {
                    text.append(value).append('\n');
                }
            }
            Files.writeString(FIXTURE.resolveSibling("conv-vae-v1.means.txt"), text);
        }
    }

    private static float[] readPinned() throws IOException {
        return toFloats(Files.readAllLines(FIXTURE.resolveSibling("conv-vae-v1.means.txt")));
    }

    private static float[] toFloats(java.util.List<String> lines) {
        float[] values = new float[lines.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(lines.get(i));
        }
        return values;
    }

    @Test
    void load_refusesATruncatedFile(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(
                        "cannot read model file "
                                + file
                                + ": not a complete zip archive; it "
                                + "is truncated or not an .aet file");
    }

    @Test
    void load_refusesAFileThatIsNotAModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.aet");
        Files.writeString(file, "just some text");

        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageEndingWith(
                        "not a complete zip archive; it is truncated or not an .aet file");
    }

    @Test
    void load_refusesAnAlteredPart(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        rewrite(file, ModelFile.PARAMETERS, bytes -> flipLastByte(bytes));

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageEndingWith(
                        "the part parameters.djl was altered: "
                                + "its SHA-256 does not match the manifest");
    }

    @Test
    void load_refusesAMissingPart(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        rewrite(file, ModelFile.PROVENANCE, bytes -> null);

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageEndingWith("the part provenance.json is missing");
    }

    @Test
    void load_refusesAMissingManifest(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        rewrite(file, ModelFile.MANIFEST, bytes -> null);

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageEndingWith(
                        "the part manifest.json is missing; this is not an aetransfer model");
    }

    @Test
    void load_refusesAnUnknownFormatVersion(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        rewrite(file, ModelFile.MANIFEST, bytes -> withJson(bytes, "formatVersion", 7));

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageContaining("format version 7 is not supported; aetransfer")
                .hasMessageEndingWith("reads version 1");
    }

    @Test
    void load_refusesParametersThatDoNotMatchTheSpec(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        Path other = dir.resolve("other.aet");
        try (Autoencoder model = Autoencoder.create(Presets.named("conv-vae", SHAPE, 5), 3)) {
            ModelFile.save(model, provenance(), other);
        }
        byte[] otherSpec = readPart(other, ModelFile.SPEC);
        rewriteWithManifest(file, ModelFile.SPEC, otherSpec);

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageContaining("cannot read model file " + file)
                .hasMessageContaining("spec.json needs");
    }

    @Test
    void load_refusesAnInvalidSpec(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        byte[] spec = withJson(readPart(file, ModelFile.SPEC), "latentSize", 0);
        rewriteWithManifest(file, ModelFile.SPEC, spec);

        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessageEndingWith("spec.json is invalid: latent size must be positive, got 0");
    }

    private static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    private static byte[] withJson(byte[] json, String key, int value) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(json);
            node.put(key, value);
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readPart(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** Replaces a part and updates its hash in the manifest, as a careless editor might. */
    private static void rewriteWithManifest(Path file, String part, byte[] content)
            throws IOException {
        rewrite(file, part, bytes -> content);
        String hash = sha256(content);
        rewrite(
                file,
                ModelFile.MANIFEST,
                bytes -> {
                    try {
                        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(bytes);
                        ((ObjectNode) manifest.get("parts")).put(part, hash);
                        return Json.mapper().writeValueAsBytes(manifest);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static String sha256(byte[] bytes) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites one entry of the zip; the function returns null to drop it. */
    private static void rewrite(Path file, String name, UnaryOperator<byte[]> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        byte[] changed = change.apply(entries.get(name));
        if (changed == null) {
            entries.remove(name);
        } else {
            entries.put(name, changed);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Files.write(file, out.toByteArray());
    }

    @Test
    void sha256_isOfTheFileBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "abc", StandardCharsets.UTF_8);
        assertThat(ModelFile.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
