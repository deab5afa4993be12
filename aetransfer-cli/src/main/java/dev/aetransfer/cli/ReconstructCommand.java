package dev.aetransfer.cli;

import dev.aetransfer.data.ContactSheet;
import dev.aetransfer.data.DataLoader;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.TrainTestSplit;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aetransfer reconstruct}: a PNG grid of held-out images (training images when there is no
 * held-out split) with each original above its reconstruction, decoded from the latent mean.
 */
@Command(
        name = "reconstruct",
        mixinStandardHelpOptions = true,
        description = "Write a PNG grid of images above their reconstructions.")
final class ReconstructCommand implements Callable<Integer> {

    private static final int PER_ROW = 8;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL.aet",
            description = "The model file.")
    private Path modelFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "GRID.png",
            description = "The PNG to write.")
    private Path out;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "16",
            description = "Images to show, 1 to 64 (default ${DEFAULT-VALUE}).")
    private int count;

    @Mixin private DataOptions data;
    @Mixin private AdaptInputOption adaptInput;

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException(
                    String.format("--count must be in [1, 64], got %d", count));
        }
        TrainTestSplit split = DataLoader.load(data.toRequest());
        SampleSet chosen = split.test().size() > 0 ? split.test() : split.train();
        List<String> labels = new ArrayList<>();
        List<List<float[]>> rows = new ArrayList<>();
        try (Autoencoder model = ModelFile.load(modelFile)) {
            if (model.spec().inputShape().isVector()) {
                throw new IllegalArgumentException(
                        String.format("%s takes vectors; a grid needs an image model", modelFile));
            }
            SampleSet samples = adaptInput.adapt(chosen, model.spec().inputShape());
            int shown = Math.min(count, samples.size());
            int[] indices = spread(samples.size(), shown);
            float[][] reconstructions = model.reconstruct(samples, indices);
            for (int start = 0; start < shown; start += PER_ROW) {
                int end = Math.min(shown, start + PER_ROW);
                List<float[]> originals = new ArrayList<>();
                List<float[]> decoded = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    float[] values = new float[samples.shape().volume()];
                    samples.read(indices[i], values, 0);
                    originals.add(values);
                    decoded.add(reconstructions[i]);
                }
                rows.add(originals);
                labels.add("original");
                rows.add(decoded);
                labels.add("reconstructed");
            }
            ContactSheet.writePng(ContactSheet.renderRows(samples.shape(), labels, rows), out);
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf(
                "wrote %s: %d images of %s above their reconstructions%n",
                out, Math.min(count, chosen.size()), chosen.origin());
        console.flush();
        return 0;
    }

    /** {@code count} indices spread evenly over {@code [0, size)}, so classes in order all show. */
    private static int[] spread(int size, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = (int) ((long) i * size / count);
        }
        return indices;
    }
}
