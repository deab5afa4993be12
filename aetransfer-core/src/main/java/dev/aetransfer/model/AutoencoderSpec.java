package dev.aetransfer.model;

import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The architecture of an autoencoder or VAE: everything needed to build its {@link
 * AutoencoderBlock} again, and what {@code spec.json} in a model file holds.
 *
 * <p>Encoder stage {@code i} has {@code encoderWidths[i]} units (dense) or channels (conv; each
 * halves the height and width, rounding up). The decoder has one stage per decoder width, then
 * {@code decoder.out}; a conv decoder must have as many widths as the encoder, since each stage
 * after {@code decoder.0} upsamples once and {@code decoder.out} upsamples last.
 *
 * @param kind dense or convolutional stages
 * @param variational true for a VAE: the latent stage has mean and log-variance heads
 * @param inputShape the shape of one sample, {@code C×H×W}
 * @param encoderWidths units or channels of each encoder stage, at least one, each positive
 * @param latentSize size of the latent code, positive
 * @param decoderWidths units or channels of each decoder stage before {@code decoder.out}
 * @param activation the nonlinearity of every hidden stage
 * @param normalisation normalisation in every hidden stage
 * @param output what {@code decoder.out} produces
 * @param adapterWidth hidden width of the residual adapters around the latent; 0 for none
 * @param scaling standardisation of vector inputs, or null for none
 */
public record AutoencoderSpec(
        ModelKind kind,
        boolean variational,
        SampleShape inputShape,
        List<Integer> encoderWidths,
        int latentSize,
        List<Integer> decoderWidths,
        Nonlinearity activation,
        Normalisation normalisation,
        OutputKind output,
        int adapterWidth,
        InputScaling scaling) {

    /** Largest number of encoder stages, which bounds the depth of presets and custom specs. */
    public static final int MAX_STAGES = 8;

    public AutoencoderSpec {
        require(kind != null, "model kind is missing");
        require(inputShape != null, "input shape is missing");
        require(activation != null, "activation is missing");
        require(normalisation != null, "normalisation is missing");
        require(output != null, "output kind is missing");
        encoderWidths = List.copyOf(encoderWidths);
        decoderWidths = List.copyOf(decoderWidths);
        checkWidths("encoder", encoderWidths);
        checkWidths("decoder", decoderWidths);
        if (latentSize < 1) {
            throw new IllegalArgumentException(
                    String.format("latent size must be positive, got %d", latentSize));
        }
        if (adapterWidth < 0) {
            throw new IllegalArgumentException(
                    String.format("adapter width must be 0 or positive, got %d", adapterWidth));
        }
        if (kind == ModelKind.CONV) {
            checkConv(inputShape, encoderWidths, decoderWidths);
        }
        if (scaling != null && output != OutputKind.LINEAR) {
            throw new IllegalArgumentException("scaled inputs need a linear output, not a sigmoid");
        }
        if (scaling != null && scaling.mean().length != inputShape.volume()) {
            throw new IllegalArgumentException(
                    String.format(
                            "input scaling has %d values but the input %s has %d",
                            scaling.mean().length, inputShape, inputShape.volume()));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void checkWidths(String part, List<Integer> widths) {
        if (widths.isEmpty() || widths.size() > MAX_STAGES) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s needs 1 to %d stage widths, got %d",
                            part, MAX_STAGES, widths.size()));
        }
        for (int width : widths) {
            if (width < 1) {
                throw new IllegalArgumentException(
                        String.format("%s widths must be positive, got %s", part, widths));
            }
        }
    }

    private static void checkConv(SampleShape shape, List<Integer> encoder, List<Integer> decoder) {
        if (shape.height() < 2 || shape.width() < 2) {
            throw new IllegalArgumentException(
                    String.format(
                            "conv models need images of 2x2 or more, got %s; use a dense model",
                            shape));
        }
        if (encoder.size() != decoder.size()) {
            throw new IllegalArgumentException(
                    String.format(
                            "a conv decoder needs as many widths as the encoder (%d), got %d",
                            encoder.size(), decoder.size()));
        }
    }

    /** Spatial size after {@code stages} strided convolutions: each halves, rounding up. */
    static int downsampled(int size, int stages) {
        int result = size;
        for (int i = 0; i < stages; i++) {
            result = (result + 1) / 2;
        }
        return result;
    }

    /** Height and width at the output of encoder stage {@code stage} (conv only). */
    public int[] encodedSize(int stage) {
        return new int[] {
            downsampled(inputShape.height(), stage + 1), downsampled(inputShape.width(), stage + 1)
        };
    }

    /** True when the spec has residual adapters around the latent. */
    public boolean hasAdapters() {
        return adapterWidth > 0;
    }

    /** The same architecture with residual adapters of the given hidden width. */
    public AutoencoderSpec withAdapters(int width) {
        return toBuilder().optAdapterWidth(width).build();
    }

    /** The same architecture for another input shape, e.g. to train from scratch on new data. */
    public AutoencoderSpec withInputShape(SampleShape shape) {
        return toBuilder().setInputShape(shape).build();
    }

    /** The same architecture with the given vector scaling (null for none). */
    public AutoencoderSpec withScaling(InputScaling newScaling) {
        return toBuilder().optScaling(newScaling).build();
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        return builder()
                .setKind(kind)
                .optVariational(variational)
                .setInputShape(inputShape)
                .optEncoderWidths(encoderWidths)
                .optLatentSize(latentSize)
                .optDecoderWidths(decoderWidths)
                .optActivation(activation)
                .optNormalisation(normalisation)
                .optOutput(output)
                .optAdapterWidth(adapterWidth)
                .optScaling(scaling);
    }

    /** A builder; kind and input shape are required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a spec. Defaults: not variational, latent size 32, encoder widths {@code [32, 64,
     * 128]} for conv and {@code [512, 256]} for dense, decoder widths mirrored, ReLU, batch
     * normalisation for conv and none for dense, sigmoid output unless scaling is set, no adapters.
     */
    public static final class Builder {
        private ModelKind kind;
        private boolean variational;
        private SampleShape inputShape;
        private List<Integer> encoderWidths;
        private int latentSize = 32;
        private List<Integer> decoderWidths;
        private Nonlinearity activation = Nonlinearity.RELU;
        private Normalisation normalisation;
        private OutputKind output;
        private int adapterWidth;
        private InputScaling scaling;

        private Builder() {}

        public Builder setKind(ModelKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder setInputShape(SampleShape inputShape) {
            this.inputShape = inputShape;
            return this;
        }

        public Builder optVariational(boolean variational) {
            this.variational = variational;
            return this;
        }

        public Builder optEncoderWidths(List<Integer> widths) {
            this.encoderWidths = widths;
            return this;
        }

        public Builder optLatentSize(int latentSize) {
            this.latentSize = latentSize;
            return this;
        }

        /** Decoder widths; by default the encoder widths in reverse order. */
        public Builder optDecoderWidths(List<Integer> widths) {
            this.decoderWidths = widths;
            return this;
        }

        public Builder optActivation(Nonlinearity activation) {
            this.activation = activation;
            return this;
        }

        public Builder optNormalisation(Normalisation normalisation) {
            this.normalisation = normalisation;
            return this;
        }

        public Builder optOutput(OutputKind output) {
            this.output = output;
            return this;
        }

        public Builder optAdapterWidth(int adapterWidth) {
            this.adapterWidth = adapterWidth;
            return this;
        }

        public Builder optScaling(InputScaling scaling) {
            this.scaling = scaling;
            return this;
        }

        /** Checks every range and builds the spec; see the record's parameters for the rules. */
        public AutoencoderSpec build() {
            require(kind != null, "model kind is missing");
            List<Integer> encoder =
                    encoderWidths != null
                            ? encoderWidths
                            : kind == ModelKind.CONV ? List.of(32, 64, 128) : List.of(512, 256);
            List<Integer> decoder = decoderWidths;
            if (decoder == null) {
                decoder = new ArrayList<>(encoder);
                Collections.reverse(decoder);
            }
            Normalisation norm =
                    normalisation != null
                            ? normalisation
                            : kind == ModelKind.CONV ? Normalisation.BATCH : Normalisation.NONE;
            OutputKind out =
                    output != null
                            ? output
                            : scaling != null ? OutputKind.LINEAR : OutputKind.SIGMOID;
            return new AutoencoderSpec(
                    kind,
                    variational,
                    inputShape,
                    encoder,
                    latentSize,
                    decoder,
                    activation,
                    norm,
                    out,
                    adapterWidth,
                    scaling);
        }
    }
}
