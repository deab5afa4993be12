package dev.aetransfer.data;

/**
 * One image as 8-bit values, {@code C×H×W} row-major, on its way to becoming samples.
 *
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels {@code channels × height × width} values; owned by the record, not copied
 */
record DecodedImage(int channels, int height, int width, byte[] pixels) {

    DecodedImage {
        if ((long) channels * height * width != pixels.length) {
            throw new IllegalStateException(
                    String.format(
                            "%d values do not make a %dx%dx%d image",
                            pixels.length, channels, height, width));
        }
    }

    /**
     * The image with {@code target} channels: grey is repeated into R, G and B; RGB becomes grey as
     * its luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601), rounded.
     */
    DecodedImage withChannels(int target) {
        if (target == channels) {
            return this;
        }
        int area = height * width;
        byte[] out = new byte[target * area];
        if (channels == 1) {
            for (int c = 0; c < target; c++) {
                System.arraycopy(pixels, 0, out, c * area, area);
            }
        } else {
            for (int i = 0; i < area; i++) {
                double luma =
                        0.299 * (pixels[i] & 0xFF)
                                + 0.587 * (pixels[area + i] & 0xFF)
                                + 0.114 * (pixels[2 * area + i] & 0xFF);
                out[i] = (byte) Math.min(255, Math.round(luma));
            }
        }
        return new DecodedImage(target, height, width, out);
    }

    /**
     * The {@code size × size} patch whose top-left corner is at column {@code x}, row {@code y},
     * wrapping around the right and bottom edges as a tiling of the image would.
     */
    DecodedImage patch(int x, int y, int size) {
        byte[] out = new byte[channels * size * size];
        int at = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int row = 0; row < size; row++) {
                int rowStart = plane + Math.floorMod(y + row, height) * width;
                for (int col = 0; col < size; col++) {
                    out[at++] = pixels[rowStart + Math.floorMod(x + col, width)];
                }
            }
        }
        return new DecodedImage(channels, size, size, out);
    }

    /**
     * The image resized so that its shorter side is {@code size}, keeping its aspect ratio, then
     * cropped to the centred {@code size × size} square. Shrinking averages the covered pixels
     * (area averaging); enlarging interpolates bilinearly.
     */
    DecodedImage resizedAndCropped(int size) {
        int newHeight;
        int newWidth;
        if (height <= width) {
            newHeight = size;
            newWidth = Math.max(size, (int) Math.round((double) width * size / height));
        } else {
            newWidth = size;
            newHeight = Math.max(size, (int) Math.round((double) height * size / width));
        }
        DecodedImage resized = Resampler.resize(this, newHeight, newWidth);
        if (newHeight == size && newWidth == size) {
            return resized;
        }
        return resized.crop((newWidth - size) / 2, (newHeight - size) / 2, size, size);
    }

    private DecodedImage crop(int x, int y, int cropWidth, int cropHeight) {
        byte[] out = new byte[channels * cropHeight * cropWidth];
        int at = 0;
        for (int c = 0; c < channels; c++) {
            for (int row = 0; row < cropHeight; row++) {
                int from = (c * height + y + row) * width + x;
                System.arraycopy(pixels, from, out, at, cropWidth);
                at += cropWidth;
            }
        }
        return new DecodedImage(channels, cropHeight, cropWidth, out);
    }
}
