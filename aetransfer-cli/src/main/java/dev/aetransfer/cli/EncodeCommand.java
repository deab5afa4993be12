package dev.aetransfer.cli;

import dev.aetransfer.AtomicFiles;
import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer encode}: the latent means of every sample, as CSV (columns {@code split},
 * {@code label} when the data has labels, then {@code z0 … zN}) or as NPY (float32, {@code n ×
 * latent}, or {@code n × (1 + latent)} with the label index first when the data has labels).
 */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        description = "Write the latent means of data to a CSV or NPY file.")
final class EncodeCommand implements Callable<Integer> {

    private static final int BATCH = 256;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The model file.")
    private Path modelFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FEATURES.csv|.npy",
            description = "Where to write the features; the extension picks the format.")
    private Path out;

    @Option(
            names = "--subset",
            paramLabel = "all|train|test",
            defaultValue = "all",
            description = "Which split to encode (default ${DEFAULT-VALUE}).")
    private String split;

    @Mixin private DataOptions data;
    @Mixin private AdaptInputOption adaptInput;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".npy")) {
            throw new IllegalArgumentException(
                    String.format("--out %s must end in .csv or .npy", out));
        }
        TrainTestSplit loaded = DataLoader.load(data.toRequest());
        List<Part> parts = new ArrayList<>();
        int latent;
        try (Autoencoder model = ModelFile.load(modelFile)) {
            latent = model.spec().latentSize();
            for (String which : splits()) {
                SampleSet set = which.equals("train") ? loaded.train() : loaded.test();
                if (set.size() == 0) {
                    continue;
                }
                SampleSet adapted = adaptInput.adapt(set, model.spec().inputShape());
                parts.add(new Part(which, adapted, model.encode(adapted, BATCH)));
            }
        }
        byte[] bytes = csv ? csv(parts, latent) : npy(parts, latent);
        AtomicFiles.write(out, bytes);
        PrintWriter console = spec.commandLine().getOut();
        int rows = parts.stream().mapToInt(p -> p.means().length).sum();
        console.printf("wrote %s: %d samples x %d latent means%n", out, rows, latent);
        console.flush();
        return 0;
    }

    private List<String> splits() {
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "all" -> List.of("train", "test");
            case "train" -> List.of("train");
            case "test" -> List.of("test");
            default ->
                    throw new IllegalArgumentException(
                            String.format("--subset %s: choose all, train or test", split));
        };
    }

    private record Part(String split, SampleSet samples, float[][] means) {}

    private static byte[] csv(List<Part> parts, int latent) {
        boolean labelled = !parts.isEmpty() && parts.get(0).samples().labelled();
        StringBuilder text = new StringBuilder("split");
        if (labelled) {
            text.append(",label");
        }
        for (int j = 0; j < latent; j++) {
            text.append(",z").append(j);
        }
        text.append('\n');
        for (Part part : parts) {
            for (int i = 0; i < part.means().length; i++) {
                text.append(part.split());
                if (labelled) {
                    text.append(',')
                            .append(
                                    csvField(
                                            part.samples()
                                                    .classNames()
                                                    .get(part.samples().label(i))));
                }
                for (float value : part.means()[i]) {
                    text.append(',').append(value);
                }
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** NPY version 1.0, little-endian float32, C order. */
    private static byte[] npy(List<Part> parts, int latent) {
        boolean labelled = !parts.isEmpty() && parts.get(0).samples().labelled();
        int rows = parts.stream().mapToInt(p -> p.means().length).sum();
        int columns = latent + (labelled ? 1 : 0);
        String dict =
                String.format(
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
                        rows, columns);
        int headerLength = 10 + dict.length() + 1;
        int padding = (64 - headerLength % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(padding)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer =
                ByteBuffer.allocate(10 + headerBytes.length + rows * columns * Float.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        buffer.put((byte) 1).put((byte) 0).putShort((short) headerBytes.length).put(headerBytes);
        for (Part part : parts) {
            for (int i = 0; i < part.means().length; i++) {
                if (labelled) {
                    buffer.putFloat(part.samples().label(i));
                }
                for (float value : part.means()[i]) {
                    buffer.putFloat(value);
                }
            }
        }
        return buffer.array();
    }
}
