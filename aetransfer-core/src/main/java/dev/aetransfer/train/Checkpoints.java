package dev.aetransfer.train;

import dev.aetransfer.Json;
import dev.aetransfer.model.Autoencoder;
import dev.aetransfer.model.ModelFile;
import dev.aetransfer.model.ModelFileException;
import dev.aetransfer.model.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of per-epoch checkpoints, {@code epoch-0003.ckpt} and so on: each a model file with the
 * training state, the optimiser's moments and the best parameters so far as extra parts, written
 * atomically. The newest {@value #KEEP} are kept. A half-written file never carries a checkpoint's
 * name, and a damaged one is skipped in favour of the one before it.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    /** How many checkpoints to keep. */
    public static final int KEEP = 2;

    static final String STATE = "training-state.json";
    static final String OPTIMIZER = "optimizer.djl";
    static final String BEST = "best-parameters.djl";

    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})\\.ckpt");

    private final Path directory;

    public Checkpoints(Path directory) {
        this.directory = directory;
    }

    /** The checkpoint folder used for an output file: {@code OUT.checkpoints} beside it. */
    public static Path besideOutput(Path output) {
        return output.resolveSibling(output.getFileName() + ".checkpoints");
    }

    public Path directory() {
        return directory;
    }

    /**
     * What a checkpoint adds to a model file.
     *
     * @param state where the run stands
     * @param optimizerState the optimiser's moments, from {@link AdamOptimizer#state} encoded
     * @param bestParameters the best parameters so far in DJL's encoding, or null when they are the
     *     current ones
     */
    public record Progress(CheckpointState state, byte[] optimizerState, byte[] bestParameters) {}

    /** A checkpoint read back: its file, the model and the progress. */
    public record Loaded(Path file, Autoencoder model, Progress progress) {}

    /** Writes the checkpoint of a completed epoch and removes all but the newest {@value #KEEP}. */
    public Path save(Autoencoder model, Provenance provenance, Progress progress) {
        String name = String.format("epoch-%04d.ckpt", progress.state().epochsDone());
        Path file = directory.resolve(name);
        Map<String, byte[]> extra = new LinkedHashMap<>();
        try {
            extra.put(STATE, Json.mapper().writeValueAsBytes(progress.state()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extra.put(OPTIMIZER, progress.optimizerState());
        if (progress.bestParameters() != null) {
            extra.put(BEST, progress.bestParameters());
        }
        ModelFile.save(model, provenance, extra, file);
        prune();
        return file;
    }

    private void prune() {
        List<Path> all = list();
        for (int i = KEEP; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                LOG.warn(
                        "could not delete old checkpoint {}: {}; it stays",
                        all.get(i),
                        e.getMessage());
            }
        }
    }

    /** Checkpoint files, newest epoch first. */
    public List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> checkpoints = new ArrayList<>();
            files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .forEach(checkpoints::add);
            checkpoints.sort(Comparator.comparingInt(Checkpoints::epochOf).reversed());
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int epochOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * The newest checkpoint that reads completely, or empty when there is none. Damaged ones are
     * skipped with a warning.
     */
    public Optional<Loaded> loadNewest() {
        for (Path file : list()) {
            try {
                return Optional.of(load(file));
            } catch (ModelFileException e) {
                LOG.warn("skipping a checkpoint: {}; trying the one before", e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static Loaded load(Path file) {
        ModelFile.Contents contents = ModelFile.read(file);
        CheckpointState state;
        try {
            state = Json.mapper().readValue(contents.part(STATE), CheckpointState.class);
        } catch (IOException e) {
            throw new ModelFileException(file, "training-state.json is invalid", e);
        }
        byte[] optimizer = contents.part(OPTIMIZER);
        Progress progress = new Progress(state, optimizer, contents.parts().get(BEST));
        return new Loaded(file, ModelFile.load(contents), progress);
    }
}
