package dev.aetransfer.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads NumPy {@code .npy} arrays (format versions 1 to 3) of float32, float64 or uint8 in C order.
 * A 2-D array {@code n × d} is {@code n} vectors, stored as floats with their values as they are. A
 * 3-D array {@code n × H × W} or 4-D {@code n × C × H × W} ({@code C} 1 or 3) is images, stored as
 * uint8: uint8 values as they are, float values in [0, 1] scaled by 255 and rounded. The samples
 * are unlabelled.
 */
final class NpyArrays {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String UNSUPPORTED_DTYPE =
            "NPY file %s: dtype '%s' is not float32 ('<f4'), float64 ('<f8') or uint8 ('|u1')";
    private static final String FORTRAN_ORDER =
            "NPY file %s: Fortran order is not supported; save it with numpy.ascontiguousarray";
    private static final String UNSUPPORTED_SHAPE =
            "NPY file %s: shape (%s) is not supported; want (n, d), (n, H, W) or (n, 1|3, H, W)";
    private static final String OUT_OF_RANGE =
            "NPY file %s: value %s at index %d of record %d is outside [0, 1] for float images";
    private static final Map<String, DType> DTYPES =
            Map.of(
                    "<f4", DType.FLOAT32_LE,
                    ">f4", DType.FLOAT32_BE,
                    "<f8", DType.FLOAT64_LE,
                    ">f8", DType.FLOAT64_BE,
                    "|u1", DType.UINT8,
                    "<u1", DType.UINT8,
                    ">u1", DType.UINT8,
                    "u1", DType.UINT8);

    private NpyArrays() {}

    static SampleSet read(Path file, MemoryBudget budget) {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Header header = header(in, file);
            long[] shape = header.shape();
            SampleShape sample = sampleShape(shape, file);
            int count = (int) shape[0];
            boolean vectors = shape.length == 2;
            SampleStorage storage = vectors ? SampleStorage.FLOAT32 : SampleStorage.UINT8;
            SampleBuffer buffer =
                    new SampleBuffer(
                            new SampleLayout(sample, storage), count, budget, file.toString());

            int volume = sample.volume();
            DType dtype = header.dtype();
            ByteBuffer raw = ByteBuffer.allocate(volume * dtype.size).order(dtype.order);
            float[] values = new float[volume];
            byte[] pixels = new byte[volume];
            for (int i = 0; i < count; i++) {
                readRecord(in, raw, file, i, count);
                if (vectors) {
                    decode(raw, dtype, values);
                    buffer.add(values, -1);
                } else if (dtype == DType.UINT8) {
                    buffer.add(raw.array(), -1);
                } else {
                    decode(raw, dtype, values);
                    toPixels(values, pixels, file, i);
                    buffer.add(pixels, -1);
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(
                        String.format(
                                "NPY file %s holds more data than its shape (%s) says",
                                file, shapeText(shape)));
            }
            return buffer.finish(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("cannot read NPY file %s", file), e);
        }
    }

    private static Header header(DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(
                    String.format(
                            "NPY file %s: does not start with the NPY magic \\x93NUMPY", file));
        }
        int major = in.read();
        in.read();
        int length;
        try {
            if (major == 1) {
                length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            } else if (major == 2 || major == 3) {
                length = Integer.reverseBytes(in.readInt());
            } else {
                throw new IllegalArgumentException(
                        String.format(
                                "NPY file %s: format version %d is not supported, expected 1 to 3",
                                file, major));
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    String.format("NPY file %s: truncated inside its header", file), e);
        }
        byte[] text = in.readNBytes(Math.max(0, length));
        if (length < 0 || text.length < length) {
            throw new IllegalArgumentException(
                    String.format("NPY file %s: truncated inside its header", file));
        }
        String dict =
                new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(dict, file);
    }

    private static Header parse(String dict, Path file) {
        Matcher descr = DESCR.matcher(dict);
        Matcher fortran = FORTRAN.matcher(dict);
        Matcher shape = SHAPE.matcher(dict);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IllegalArgumentException(
                    String.format(
                            "NPY file %s: header %s lacks 'descr', 'fortran_order' or 'shape'",
                            file, dict.trim()));
        }
        DType dtype = DTYPES.get(descr.group(1));
        if (dtype == null) {
            throw new IllegalArgumentException(
                    String.format(UNSUPPORTED_DTYPE, file, descr.group(1)));
        }
        if (!fortran.group(1).equals("False")) {
            throw new IllegalArgumentException(String.format(FORTRAN_ORDER, file));
        }
        List<Long> dims = new ArrayList<>();
        for (String dim : shape.group(1).split(",")) {
            if (!dim.isBlank()) {
                dims.add(Long.parseLong(dim.trim().replace("L", "")));
            }
        }
        return new Header(dtype, dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static SampleShape sampleShape(long[] shape, Path file) {
        boolean supported = shape.length >= 2 && shape.length <= 4;
        if (supported && shape.length == 4) {
            supported = shape[1] == 1 || shape[1] == 3;
        }
        long volume = 1;
        for (int i = 1; i < shape.length; i++) {
            volume *= shape[i];
            supported &= shape[i] >= 1;
        }
        if (!supported || shape[0] > Integer.MAX_VALUE || volume > 1 << 26) {
            throw new IllegalArgumentException(
                    String.format(UNSUPPORTED_SHAPE, file, shapeText(shape)));
        }
        return switch (shape.length) {
            case 2 -> SampleShape.vector((int) shape[1]);
            case 3 -> new SampleShape(1, (int) shape[1], (int) shape[2]);
            default -> new SampleShape((int) shape[1], (int) shape[2], (int) shape[3]);
        };
    }

    private static void readRecord(InputStream in, ByteBuffer raw, Path file, int i, int count)
            throws IOException {
        byte[] array = raw.array();
        int read = in.readNBytes(array, 0, array.length);
        if (read < array.length) {
            throw new IllegalArgumentException(
                    String.format(
                            "NPY file %s: truncated in record %d of the %d its shape promises",
                            file, i, count));
        }
        raw.clear();
    }

    private static void decode(ByteBuffer raw, DType dtype, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] =
                    switch (dtype) {
                        case UINT8 -> raw.get(i) & 0xFF;
                        case FLOAT32_LE, FLOAT32_BE -> raw.getFloat(i * 4);
                        case FLOAT64_LE, FLOAT64_BE -> (float) raw.getDouble(i * 8);
                    };
        }
    }

    private static void toPixels(float[] values, byte[] pixels, Path file, int record) {
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(
                        String.format(OUT_OF_RANGE, file, value, i, record));
            }
            pixels[i] = (byte) Math.round(value * 255);
        }
    }

    private static String shapeText(long[] shape) {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    private enum DType {
        FLOAT32_LE(4, ByteOrder.LITTLE_ENDIAN),
        FLOAT32_BE(4, ByteOrder.BIG_ENDIAN),
        FLOAT64_LE(8, ByteOrder.LITTLE_ENDIAN),
        FLOAT64_BE(8, ByteOrder.BIG_ENDIAN),
        UINT8(1, ByteOrder.LITTLE_ENDIAN);

        final int size;
        final ByteOrder order;

        DType(int size, ByteOrder order) {
            this.size = size;
            this.order = order;
        }
    }

    private record Header(DType dtype, long[] shape) {}
}
