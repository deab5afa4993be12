package dev.aetransfer.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.data.BatchAssembler;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An autoencoder ready to train or use: its {@link AutoencoderBlock}, the DJL {@link Model} that
 * owns the parameters' native memory, and the provenance of a loaded model. Close it to free that
 * memory. Not thread-safe.
 */
public final class Autoencoder implements AutoCloseable {

    private final Model model;
    private final AutoencoderBlock block;
    private final Provenance provenance;

    private Autoencoder(Model model, AutoencoderBlock block, Provenance provenance) {
        this.model = model;
        this.block = block;
        this.provenance = provenance;
    }

    /**
     * A new model with freshly initialised parameters: He-normal weights ({@code std = sqrt(2 /
     * fan_in)}), zero biases, drawn from the engine's generator seeded with {@code seed}.
     */
    public static Autoencoder create(AutoencoderSpec spec, long seed) {
        Autoencoder autoencoder = unloaded(spec, null);
        DjlEngine.get().setRandomSeed((int) seed);
        SampleShape shape = spec.inputShape();
        autoencoder.block.initialize(
                autoencoder.model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, shape.channels(), shape.height(), shape.width()));
        return autoencoder;
    }

    /** A model whose block is built but not initialised, for the model file to load into. */
    static Autoencoder unloaded(AutoencoderSpec spec, Provenance provenance) {
        Model model = Model.newInstance("autoencoder", DjlEngine.get().defaultDevice(), "PyTorch");
        AutoencoderBlock block = new AutoencoderBlock(spec);
        model.setBlock(block);
        return new Autoencoder(model, block, provenance);
    }

    /** The architecture. */
    public AutoencoderSpec spec() {
        return block.spec();
    }

    /** The block, for training and for strategies that freeze its stages. */
    public AutoencoderBlock block() {
        return block;
    }

    /** The DJL model that owns the parameters. */
    public Model model() {
        return model;
    }

    /** The manager that owns the parameters; arrays created on it live as long as the model. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** The provenance this model was loaded with, or null for a model created in this run. */
    public Provenance provenance() {
        return provenance;
    }

    /** Number of scalar parameters, running statistics of batch normalisation excluded. */
    public long parameterCount() {
        return countParameters(block);
    }

    /** Parameter counts per stage, in forward order; running statistics excluded. */
    public Map<String, Long> stageParameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : block.stageNames()) {
            counts.put(name, countParameters(block.stage(name)));
        }
        return counts;
    }

    static long countParameters(Block block) {
        long count = 0;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            Parameter.Type type = parameter.getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            count += parameter.getArray().getShape().size();
        }
        return count;
    }

    /**
     * The latent means of every sample, {@code n × latent}: the code of a plain autoencoder, the
     * mean of {@code q(z|x)} for a VAE. Runs in inference mode in batches of {@code batchSize}.
     */
    public float[][] encode(SampleSet samples, int batchSize) {
        checkShape(samples);
        int n = samples.size();
        float[][] means = new float[n][];
        BatchAssembler assembler = new BatchAssembler(samples, Math.min(batchSize, n));
        ParameterStore store = new ParameterStore(manager(), false);
        for (int start = 0; start < n; start += batchSize) {
            int count = Math.min(batchSize, n - start);
            try (NDManager step = manager().newSubManager()) {
                NDArray x = assembler.assemble(step, range(start, count));
                NDList latent =
                        DjlEngine.withoutGradients(
                                () -> block.encode(store, block.scale(x), false));
                float[] flat = latent.get(0).toFloatArray();
                int size = spec().latentSize();
                for (int i = 0; i < count; i++) {
                    means[start + i] = Arrays.copyOfRange(flat, i * size, (i + 1) * size);
                }
            }
        }
        return means;
    }

    /**
     * Reconstructions of the samples at {@code indices}, decoded from the latent mean, as {@code
     * indices.length × volume} floats in data units.
     */
    public float[][] reconstruct(SampleSet samples, int[] indices) {
        checkShape(samples);
        float[][] result = new float[indices.length][];
        if (indices.length == 0) {
            return result;
        }
        int volume = samples.shape().volume();
        BatchAssembler assembler = new BatchAssembler(samples, indices.length);
        ParameterStore store = new ParameterStore(manager(), false);
        try (NDManager step = manager().newSubManager()) {
            NDArray x = assembler.assemble(step, indices);
            NDArray output =
                    DjlEngine.withoutGradients(
                            () -> block.forward(store, new NDList(x), false).get(0));
            float[] flat = block.reconstruction(output).toFloatArray();
            for (int i = 0; i < indices.length; i++) {
                result[i] = Arrays.copyOfRange(flat, i * volume, (i + 1) * volume);
            }
        }
        return result;
    }

    private void checkShape(SampleSet samples) {
        if (!samples.shape().equals(spec().inputShape())) {
            throw new IllegalArgumentException(
                    String.format(
                            "data %s has samples of shape %s but the model takes %s",
                            samples.origin(), samples.shape(), spec().inputShape()));
        }
    }

    private static int[] range(int start, int count) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = start + i;
        }
        return indices;
    }

    @Override
    public void close() {
        model.close();
    }
}
