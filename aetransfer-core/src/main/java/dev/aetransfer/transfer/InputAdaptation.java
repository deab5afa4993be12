package dev.aetransfer.transfer;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.data.SampleStorage;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Conversions that make target images fit a pretrained model's input: {@code resize} (bilinear, to
 * the model's height and width), {@code gray} (RGB to luminance, ITU-R BT.601 weights) and {@code
 * rgb} (grey copied to three channels).
 */
public enum InputAdaptation {
    RESIZE,
    GRAY,
    RGB;

    private static final String UNKNOWN =
            "--adapt-input: unknown conversion %s; use resize, gray or rgb";

    /** Parses {@code --adapt-input}: names separated by commas, or {@code none}. */
    public static Set<InputAdaptation> parse(String text) {
        Set<InputAdaptation> result = EnumSet.noneOf(InputAdaptation.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "resize" -> result.add(RESIZE);
                case "gray", "grey" -> result.add(GRAY);
                case "rgb" -> result.add(RGB);
                case "none", "" -> {}
                default -> throw new IllegalArgumentException(String.format(UNKNOWN, part.trim()));
            }
        }
        return result;
    }

    /**
     * The samples converted to {@code shape} with the allowed conversions, or the samples
     * themselves when they already fit.
     *
     * @throws IllegalArgumentException naming both shapes and the conversion needed when the
     *     allowed ones do not suffice
     */
    public static SampleSet adapt(
            SampleSet samples, SampleShape shape, Set<InputAdaptation> allowed) {
        SampleShape from = samples.shape();
        if (from.equals(shape)) {
            return samples;
        }
        boolean resize = from.height() != shape.height() || from.width() != shape.width();
        boolean gray = from.channels() == 3 && shape.channels() == 1;
        boolean rgb = from.channels() == 1 && shape.channels() == 3;
        boolean channelsFit = from.channels() == shape.channels() || gray || rgb;
        if (samples.storage() != SampleStorage.UINT8
                || !channelsFit
                || (resize && !allowed.contains(RESIZE))
                || (gray && !allowed.contains(GRAY))
                || (rgb && !allowed.contains(RGB))) {
            throw new IllegalArgumentException(
                    String.format(
                            "data %s has samples of shape %s but the model takes %s; %s",
                            samples.origin(), from, shape, remedy(samples, resize, gray, rgb)));
        }
        return convert(samples, shape);
    }

    private static String remedy(SampleSet samples, boolean resize, boolean gray, boolean rgb) {
        if (samples.storage() != SampleStorage.UINT8) {
            return "vectors cannot be converted";
        }
        StringBuilder needed = new StringBuilder();
        if (resize) {
            needed.append("resize");
        }
        if (gray || rgb) {
            needed.append(needed.length() > 0 ? "," : "").append(gray ? "gray" : "rgb");
        }
        if (needed.length() == 0) {
            return "these channel counts cannot be converted";
        }
        return "convert them with --adapt-input " + needed;
    }

    private static SampleSet convert(SampleSet samples, SampleShape shape) {
        SampleShape from = samples.shape();
        int n = samples.size();
        byte[] source = new byte[from.volume()];
        byte[] values = new byte[n * shape.volume()];
        float[] channels = new float[from.volume()];
        for (int i = 0; i < n; i++) {
            samples.copyTo(i, ByteBuffer.wrap(source));
            for (int k = 0; k < source.length; k++) {
                channels[k] = source[k] & 0xFF;
            }
            float[] mixed = mixChannels(channels, from, shape.channels());
            SampleShape mixedShape = new SampleShape(shape.channels(), from.height(), from.width());
            float[] resized = resize(mixed, mixedShape, shape.height(), shape.width());
            for (int k = 0; k < resized.length; k++) {
                values[i * shape.volume() + k] =
                        (byte) Math.round(Math.max(0, Math.min(255, resized[k])));
            }
        }
        String origin = samples.origin() + " (adapted to " + shape + ")";
        InMemorySampleSet adapted = InMemorySampleSet.ofBytes(shape, values, origin);
        if (!samples.labelled()) {
            return adapted;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = samples.label(i);
        }
        return adapted.withLabels(labels, samples.classNames());
    }

    private static float[] mixChannels(float[] values, SampleShape from, int channels) {
        if (from.channels() == channels) {
            return values;
        }
        int plane = from.height() * from.width();
        float[] mixed = new float[channels * plane];
        for (int p = 0; p < plane; p++) {
            if (channels == 1) {
                mixed[p] =
                        0.299f * values[p]
                                + 0.587f * values[plane + p]
                                + 0.114f * values[2 * plane + p];
            } else {
                for (int c = 0; c < channels; c++) {
                    mixed[c * plane + p] = values[p];
                }
            }
        }
        return mixed;
    }

    /** Bilinear resampling with pixel centres aligned, as PyTorch's align_corners=False. */
    private static float[] resize(float[] values, SampleShape from, int height, int width) {
        if (from.height() == height && from.width() == width) {
            return values;
        }
        float[] out = new float[from.channels() * height * width];
        float scaleY = (float) from.height() / height;
        float scaleX = (float) from.width() / width;
        for (int c = 0; c < from.channels(); c++) {
            int base = c * from.height() * from.width();
            for (int y = 0; y < height; y++) {
                float sy = Math.max(0, (y + 0.5f) * scaleY - 0.5f);
                int y0 = Math.min((int) sy, from.height() - 1);
                int y1 = Math.min(y0 + 1, from.height() - 1);
                float fy = sy - y0;
                for (int x = 0; x < width; x++) {
                    float sx = Math.max(0, (x + 0.5f) * scaleX - 0.5f);
                    int x0 = Math.min((int) sx, from.width() - 1);
                    int x1 = Math.min(x0 + 1, from.width() - 1);
                    float fx = sx - x0;
                    float top =
                            lerp(
                                    values[base + y0 * from.width() + x0],
                                    values[base + y0 * from.width() + x1],
                                    fx);
                    float bottom =
                            lerp(
                                    values[base + y1 * from.width() + x0],
                                    values[base + y1 * from.width() + x1],
                                    fx);
                    out[c * height * width + y * width + x] = lerp(top, bottom, fy);
                }
            }
        }
        return out;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
