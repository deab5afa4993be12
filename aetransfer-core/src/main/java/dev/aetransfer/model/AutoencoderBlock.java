package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An autoencoder or VAE as a DJL block of named stages, built from an {@link AutoencoderSpec}.
 *
 * <p>The full forward pass takes {@code N×C×H×W} inputs in data units and returns {@code (output,
 * mean, logvar)} for a VAE or {@code (output, code)} for a plain autoencoder, where {@code output}
 * is {@code N×C×H×W} in the model's space (logits for a sigmoid output, scaled values for a linear
 * one; see {@link #reconstruction}) and the latent arrays are {@code N×latent}. In training a VAE
 * decodes a sample drawn with the reparameterisation trick; otherwise it decodes the mean.
 *
 * <p>Stages named by {@link #setInferenceStages} always run in inference mode, so that a frozen
 * stage's batch-normalisation statistics do not move while the rest trains. Not thread-safe while
 * that set changes; forward passes with a fixed set may run concurrently.
 */
public final class AutoencoderBlock extends AbstractBlock {

    public static final String LATENT = "latent";
    public static final String ADAPTER_PRE = "adapter.pre";
    public static final String ADAPTER_POST = "adapter.post";
    public static final String DECODER_OUT = "decoder.out";

    private static final byte VERSION = 1;

    private final AutoencoderSpec spec;
    private final List<String> names = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final int latentIndex;
    private final Set<String> inferenceStages = ConcurrentHashMap.newKeySet();

    /** Builds the stages; the block still needs {@link #initialize} with the input shape. */
    public AutoencoderBlock(AutoencoderSpec spec) {
        super(VERSION);
        this.spec = spec;
        boolean conv = spec.kind() == ModelKind.CONV;
        List<Integer> encoder = spec.encoderWidths();
        List<Integer> decoder = spec.decoderWidths();
        int lastWidth = encoder.get(encoder.size() - 1);

        for (int i = 0; i < encoder.size(); i++) {
            addStage("encoder." + i, conv ? convDown(encoder.get(i)) : dense(encoder.get(i), i));
        }
        if (spec.hasAdapters()) {
            addStage(
                    ADAPTER_PRE,
                    new ResidualAdapter(conv, lastWidth, spec.adapterWidth(), spec.activation()));
        }
        latentIndex = names.size();
        addStage(LATENT, new LatentBlock(spec.latentSize(), spec.variational()));
        if (spec.hasAdapters()) {
            addStage(
                    ADAPTER_POST,
                    new ResidualAdapter(
                            false, spec.latentSize(), spec.adapterWidth(), spec.activation()));
        }
        addStage("decoder.0", conv ? convFromLatent(decoder.get(0)) : dense(decoder.get(0), -1));
        for (int i = 1; i < decoder.size(); i++) {
            int[] size = spec.encodedSize(encoder.size() - 1 - i);
            addStage(
                    "decoder." + i,
                    conv ? convUp(decoder.get(i), size) : dense(decoder.get(i), -1));
        }
        addStage(DECODER_OUT, conv ? convOut() : denseOut());
    }

    private void addStage(String name, Block block) {
        names.add(name);
        blocks.add(addChildBlock(name, block));
    }

    private Block convDown(int channels) {
        boolean bias = spec.normalisation() == Normalisation.NONE;
        return finishHidden(new ConvNormStage(channels, bias), channels);
    }

    private Block convFromLatent(int channels) {
        int[] size = spec.encodedSize(spec.encoderWidths().size() - 1);
        SequentialBlock stage = new SequentialBlock();
        stage.add(Linear.builder().setUnits((long) channels * size[0] * size[1]).build());
        stage.add(LambdaBlock.singleton(x -> x.reshape(-1, channels, size[0], size[1])));
        return finishHidden(stage, channels);
    }

    private Block convUp(int channels, int[] size) {
        boolean bias = spec.normalisation() == Normalisation.NONE;
        return finishHidden(
                new UpsampleConvStage(size[0], size[1], conv3x3(channels, bias)), channels);
    }

    private Block convOut() {
        SampleShape shape = spec.inputShape();
        return new UpsampleConvStage(
                shape.height(), shape.width(), conv3x3(shape.channels(), true));
    }

    private static Conv2d conv3x3(int channels, boolean bias) {
        return Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(channels)
                .optBias(bias)
                .build();
    }

    /** A dense hidden stage; the first encoder stage ({@code index} 0) flattens its input. */
    private Block dense(int units, int index) {
        SequentialBlock stage = new SequentialBlock();
        if (index == 0) {
            stage.add(LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), -1)));
        }
        stage.add(
                Linear.builder()
                        .setUnits(units)
                        .optBias(spec.normalisation() == Normalisation.NONE)
                        .build());
        return finishHidden(stage, units);
    }

    private Block denseOut() {
        SampleShape shape = spec.inputShape();
        SequentialBlock stage = new SequentialBlock();
        stage.add(Linear.builder().setUnits(shape.volume()).build());
        stage.add(
                LambdaBlock.singleton(
                        x -> x.reshape(-1, shape.channels(), shape.height(), shape.width())));
        return stage;
    }

    private Block finishHidden(SequentialBlock stage, int channels) {
        switch (spec.normalisation()) {
            case BATCH -> stage.add(BatchNorm.builder().optEpsilon(ConvNormStage.EPSILON).build());
            case GROUP -> stage.add(new GroupNorm(channels));
            case NONE -> {}
        }
        Nonlinearity activation = spec.activation();
        stage.add(LambdaBlock.singleton(activation::apply));
        return stage;
    }

    /** The architecture this block was built from. */
    public AutoencoderSpec spec() {
        return spec;
    }

    /** Stage names in forward order. */
    public List<String> stageNames() {
        return Collections.unmodifiableList(names);
    }

    /** The block of a stage; an unknown name is an {@link IllegalArgumentException}. */
    public Block stage(String name) {
        return blocks.get(stageIndex(name));
    }

    /** Position of a stage in forward order. */
    public int stageIndex(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    String.format("unknown stage %s; the stages are %s", name, names));
        }
        return index;
    }

    /**
     * The stage a parameter belongs to, from the name {@link #getParameters()} gives it (DJL
     * prefixes each child's parameters with its position and name, e.g. {@code
     * 01encoder.0_01Conv2d_weight}).
     */
    public String stageOfParameter(String parameterName) {
        List<String> keys = getChildren().keys();
        for (int i = 0; i < keys.size(); i++) {
            if (parameterName.startsWith(keys.get(i) + "_")) {
                return names.get(i);
            }
        }
        throw new IllegalArgumentException(
                String.format("parameter %s belongs to no stage", parameterName));
    }

    /** Position of the {@code latent} stage. */
    public int latentIndex() {
        return latentIndex;
    }

    /** Stages that run in inference mode whatever the pass; replaces the previous set. */
    public void setInferenceStages(Set<String> stages) {
        for (String stage : stages) {
            stageIndex(stage);
        }
        inferenceStages.clear();
        inferenceStages.addAll(stages);
    }

    /** Stages that run in inference mode whatever the pass. */
    public Set<String> inferenceStages() {
        return Set.copyOf(inferenceStages);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDList scaled = new NDList(scale(inputs.singletonOrThrow()));
        return forwardFrom(parameterStore, 0, scaled, training);
    }

    /**
     * Runs the stages from {@code start} to the end. {@code input} is what stage {@code start}
     * takes: scaled data for stage 0, the latent stage's output for the stage after it, a cached
     * activation otherwise.
     *
     * @return {@code (output, mean, logvar)} or {@code (output, code)} when the pass went through
     *     or started just after the latent stage; just {@code (output)} when it started later
     */
    public NDList forwardFrom(
            ParameterStore parameterStore, int start, NDList input, boolean training) {
        NDList h = input;
        NDList latent = null;
        for (int i = start; i < blocks.size(); i++) {
            if (i == latentIndex + 1) {
                latent = h;
                h = new NDList(sample(h, training));
            }
            h = runStage(parameterStore, i, h, training);
        }
        NDList result = new NDList(h.singletonOrThrow());
        if (latent != null) {
            result.addAll(latent);
        }
        return result;
    }

    /**
     * Runs stages {@code [from, to)} on their input, without sampling: a building block for cached
     * prefixes. For a VAE, a range that ends at the latent stage returns its mean and log-variance.
     */
    public NDList runStages(
            ParameterStore parameterStore, int from, int to, NDList input, boolean training) {
        NDList h = input;
        for (int i = from; i < to; i++) {
            h = runStage(parameterStore, i, h, training);
        }
        return h;
    }

    private NDList runStage(ParameterStore parameterStore, int index, NDList h, boolean training) {
        boolean stageTraining = training && !inferenceStages.contains(names.get(index));
        return blocks.get(index).forward(parameterStore, h, stageTraining, null);
    }

    /** The latent code fed to the decoder: a reparameterised sample in training, else the mean. */
    private NDArray sample(NDList latent, boolean training) {
        NDArray mean = latent.get(0);
        if (!spec.variational() || !training) {
            return mean;
        }
        NDArray logVar = latent.get(1);
        NDArray noise = mean.getManager().randomNormal(mean.getShape());
        return mean.add(logVar.mul(Scalars.of(logVar, 0.5f)).exp().mul(noise));
    }

    /**
     * Encodes scaled inputs {@code N×C×H×W} to {@code (mean, logvar)} for a VAE or {@code (code)}.
     */
    public NDList encode(ParameterStore parameterStore, NDArray scaledInput, boolean training) {
        return runStages(parameterStore, 0, latentIndex + 1, new NDList(scaledInput), training);
    }

    /** Decodes latent codes {@code N×latent} to {@code N×C×H×W} outputs in the model's space. */
    public NDArray decode(ParameterStore parameterStore, NDArray code, boolean training) {
        return runStages(parameterStore, latentIndex + 1, blocks.size(), new NDList(code), training)
                .singletonOrThrow();
    }

    /** Data units to the model's space: standardised for vectors, unchanged for images. */
    public NDArray scale(NDArray data) {
        InputScaling scaling = spec.scaling();
        if (scaling == null) {
            return data;
        }
        NDManager manager = data.getManager();
        Shape perValue = new Shape(1, spec.inputShape().volume());
        NDArray mean = manager.create(scaling.mean(), perValue);
        NDArray std = manager.create(scaling.std(), perValue);
        return data.reshape(data.getShape().get(0), -1).sub(mean).div(std).reshape(data.getShape());
    }

    /** The model's space back to data units: the inverse of {@link #scale}. */
    public NDArray unscale(NDArray values) {
        InputScaling scaling = spec.scaling();
        if (scaling == null) {
            return values;
        }
        NDManager manager = values.getManager();
        Shape perValue = new Shape(1, spec.inputShape().volume());
        NDArray mean = manager.create(scaling.mean(), perValue);
        NDArray std = manager.create(scaling.std(), perValue);
        return values.reshape(values.getShape().get(0), -1)
                .mul(std)
                .add(mean)
                .reshape(values.getShape());
    }

    /** The reconstruction in data units of a model output: its sigmoid, or the unscaled values. */
    public NDArray reconstruction(NDArray output) {
        return spec.output() == OutputKind.SIGMOID ? Activation.sigmoid(output) : unscale(output);
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
            if (i == latentIndex) {
                shapes = new Shape[] {shapes[0]};
            }
        }
    }

    /**
     * The output shapes of each stage for one sample, without the batch dimension, in forward
     * order: {@code C×h×w} for feature maps, {@code d} for vectors; the latent stage of a VAE gives
     * the mean's shape.
     */
    public List<Shape> stageOutputShapes() {
        SampleShape input = spec.inputShape();
        Shape[] shapes = {new Shape(1, input.channels(), input.height(), input.width())};
        List<Shape> result = new ArrayList<>();
        for (Block block : blocks) {
            shapes = block.getOutputShapes(shapes);
            shapes = new Shape[] {shapes[0]};
            result.add(shapes[0].slice(1));
        }
        return result;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        Shape[] latent = null;
        for (int i = 0; i < blocks.size(); i++) {
            shapes = blocks.get(i).getOutputShapes(shapes);
            if (i == latentIndex) {
                latent = shapes;
                shapes = new Shape[] {shapes[0]};
            }
        }
        Shape[] result = new Shape[1 + latent.length];
        result[0] = shapes[0];
        System.arraycopy(latent, 0, result, 1, latent.length);
        return result;
    }
}
