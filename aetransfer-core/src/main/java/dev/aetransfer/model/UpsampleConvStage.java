package dev.aetransfer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A decoder stage that upsamples {@code N×C×h×w} maps by nearest neighbour to a fixed size,
 * convolves them with a 3×3 kernel (stride 1, padding 1), then runs whatever layers follow
 * (normalisation, activation).
 *
 * <p>When the upsampling exactly doubles both sides, the two are computed together: each output
 * pixel's 3×3 window over the upsampled maps covers only 2×2 distinct input pixels, so the stage
 * runs one 2×2 convolution (padding 1) of the small maps with {@code 4·F} filters, one set per
 * output phase (row and column parity), folded from the 3×3 kernel on every pass, and interleaves
 * the four phases in one copy. The values are those of the plain path up to float rounding, with 16
 * instead of 36 multiplications per output value and no upsampled copy of the input; gradients
 * reach the 3×3 kernel through the fold. Other sizes take the plain path. The children and their
 * parameters are those of a plain {@link SequentialBlock}, so model files are the same either way.
 */
final class UpsampleConvStage extends SequentialBlock {

    /**
     * {@code TAPS[a][p][y]} is 1 when row {@code y} of the 3×3 kernel adds to row {@code p} of the
     * 2×2 kernel of row phase {@code a} (columns likewise).
     */
    private static final float[][][] TAPS = {
        {{1, 0, 0}, {0, 1, 1}},
        {{1, 1, 0}, {0, 0, 1}}
    };

    /** Maps a flattened 3×3 kernel (9) to the four phases' 2×2 kernels (2·2·2·2 = 16). */
    private static final float[] FOLD = foldMatrix();

    private static final Shape UNIT = new Shape(1, 1);

    private final Upsample upsample;
    private final Block conv;

    /**
     * @param height the height to upsample to
     * @param width the width to upsample to
     * @param conv the 3×3 convolution with stride 1 and padding 1
     */
    UpsampleConvStage(int height, int width, Conv2d conv) {
        this.upsample = new Upsample(height, width);
        this.conv = conv;
        add(upsample);
        add(conv);
    }

    private static float[] foldMatrix() {
        float[] fold = new float[9 * 16];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        for (int p = 0; p < 2; p++) {
                            for (int q = 0; q < 2; q++) {
                                int phase = (1 - a) * 2 + (1 - b);
                                int column = (phase * 2 + p) * 2 + q;
                                fold[(y * 3 + x) * 16 + column] = TAPS[a][p][y] * TAPS[b][q][x];
                            }
                        }
                    }
                }
            }
        }
        return fold;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape in = x.getShape();
        if (in.get(2) * 2 != upsample.height() || in.get(3) * 2 != upsample.width()) {
            return super.forwardInternal(parameterStore, inputs, training, params);
        }
        NDArray weight = valueOf(parameterStore, "weight", x, training);
        NDArray bias = valueOf(parameterStore, "bias", x, training);
        NDList h = new NDList(doubledConv(x, weight, bias));
        List<Block> layers = getChildren().values();
        for (Block layer : layers.subList(2, layers.size())) {
            h = layer.forward(parameterStore, h, training);
        }
        return h;
    }

    private NDArray valueOf(ParameterStore store, String name, NDArray x, boolean training) {
        Parameter parameter = conv.getParameters().get(name);
        return parameter == null ? null : store.getValue(parameter, x.getDevice(), training);
    }

    /**
     * The 3×3 convolution (padding 1) of the nearest 2× upsampling of {@code x}: {@code N×C×h×w}
     * and an {@code F×C×3×3} kernel give {@code N×F×2h×2w}.
     */
    static NDArray doubledConv(NDArray x, NDArray weight, NDArray bias) {
        long n = x.getShape().get(0);
        long channels = x.getShape().get(1);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        long filters = weight.getShape().get(0);

        // Results of operations on a parameter belong to the parameter's manager, which lives as
        // long as the model: the first step moves the fold's arrays to the input's manager.
        NDManager manager = x.getManager();
        NDArray flat = weight.reshape(filters * channels, 9);
        flat.attach(manager);
        NDArray phaseBias = null;
        if (bias != null) {
            phaseBias = bias.tile(4);
            phaseBias.attach(manager);
        }

        // Phase (a, b) gets filters [(2(1 - a) + (1 - b))·F, … + F): phases in reverse order.
        NDArray kernels =
                flat.matMul(manager.create(FOLD, new Shape(9, 16)))
                        .reshape(filters, channels, 2, 2, 2, 2)
                        .transpose(2, 3, 0, 1, 4, 5)
                        .reshape(4 * filters, channels, 2, 2);
        NDArray phases = Conv2d.conv2d(x, kernels, phaseBias, UNIT, UNIT, UNIT).singletonOrThrow();

        // Output row 2i + a is row i + a of phase a's (h+1)-row result. Interleaving row p of the
        // phases as rows 2p + 1 - a puts it at row 2i + a + 1, so the output is the interleave
        // without its first and last rows (columns likewise); a negative pad crops them.
        return phases.reshape(n, 2, 2, filters, h + 1, w + 1)
                .transpose(0, 3, 4, 1, 5, 2)
                .reshape(n, filters, 2 * h + 2, 2 * w + 2)
                .pad(new Shape(-1, -1, -1, -1), 0);
    }
}
