package dev.aetransfer.model;

import dev.aetransfer.data.SampleShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made architectures sized for an input shape: {@code dense-ae}, {@code dense-vae}, {@code
 * conv-ae} and {@code conv-vae}.
 *
 * <p>Conv presets stack strided convolutions of 32, 64, 128, … channels (at most 256) until the
 * feature maps are 4×4 or smaller, at most 5 stages; a 32×32 input gets {@code [32, 64, 128]}.
 * Dense presets use two hidden layers, {@code [512, 256]} for inputs of 512 values or more and
 * narrower ones for small vectors, never narrower than twice the latent size.
 */
public final class Presets {

    /** The preset names, as {@code --model} takes them. */
    public static final List<String> NAMES =
            List.of("dense-ae", "dense-vae", "conv-ae", "conv-vae");

    private Presets() {}

    /**
     * The preset of this name for inputs of this shape.
     *
     * @throws IllegalArgumentException for an unknown name or a conv preset on vectors
     */
    public static AutoencoderSpec named(String name, SampleShape shape, int latentSize) {
        ModelKind kind =
                switch (name) {
                    case "dense-ae", "dense-vae" -> ModelKind.DENSE;
                    case "conv-ae", "conv-vae" -> ModelKind.CONV;
                    default ->
                            throw new IllegalArgumentException(
                                    String.format(
                                            "unknown model %s; choose one "
                                                    + "of %s or a spec .json file",
                                            name, String.join(", ", NAMES)));
                };
        if (kind == ModelKind.CONV && (shape.height() < 8 || shape.width() < 8)) {
            throw new IllegalArgumentException(
                    String.format(
                            "model %s needs images of at least 8x8, "
                                    + "got %s; use dense-ae or dense-vae",
                            name, shape));
        }
        return AutoencoderSpec.builder()
                .setKind(kind)
                .setInputShape(shape)
                .optVariational(name.endsWith("-vae"))
                .optLatentSize(latentSize)
                .optEncoderWidths(
                        kind == ModelKind.CONV ? convWidths(shape) : denseWidths(shape, latentSize))
                .build();
    }

    private static List<Integer> convWidths(SampleShape shape) {
        List<Integer> widths = new ArrayList<>();
        int height = shape.height();
        int width = shape.width();
        while ((height > 4 || width > 4) && widths.size() < 5) {
            widths.add(Math.min(256, 32 << widths.size()));
            height = (height + 1) / 2;
            width = (width + 1) / 2;
        }
        return widths;
    }

    private static List<Integer> denseWidths(SampleShape shape, int latentSize) {
        int first = Math.min(512, Integer.highestOneBit(Math.max(1, shape.volume() - 1)) << 1);
        first = Math.max(first, 2 * latentSize);
        int second = Math.max(first / 2, 2 * latentSize);
        return List.of(first, second);
    }
}
