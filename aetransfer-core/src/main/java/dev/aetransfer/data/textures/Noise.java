package dev.aetransfer.data.textures;

/**
 * Gradient (Perlin) noise, its fractal sums and Worley cells, driven by integer hashes of the
 * lattice point and a seed, so that every sample can have its own noise without shared tables.
 */
final class Noise {

    /** The nearest and second-nearest feature point of a Worley lattice, and the nearest's hash. */
    record Cell(double f1, double f2, int id) {}

    private static final int DIRECTIONS = 16;
    private static final double[] GRADIENT_X = new double[DIRECTIONS];
    private static final double[] GRADIENT_Y = new double[DIRECTIONS];

    static {
        for (int i = 0; i < DIRECTIONS; i++) {
            GRADIENT_X[i] = StrictMath.cos(2 * Math.PI * i / DIRECTIONS);
            GRADIENT_Y[i] = StrictMath.sin(2 * Math.PI * i / DIRECTIONS);
        }
    }

    private Noise() {}

    /** A well-mixed hash of a lattice point and a seed. */
    static int hash(int x, int y, int seed) {
        int h = seed ^ x * 0x9E3779B1;
        h = Integer.rotateLeft(h, 13) * 0x85EBCA6B;
        h ^= y * 0xC2B2AE35;
        h = Integer.rotateLeft(h, 15) * 0x27D4EB2F;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ h >>> 16;
    }

    /** Perlin noise with a feature size of 1, in about [-1, 1], 0 at every lattice point. */
    static double perlin(double x, double y, int seed) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;

        double n00 = slope(hash(x0, y0, seed), fx, fy);
        double n10 = slope(hash(x0 + 1, y0, seed), fx - 1, fy);
        double n01 = slope(hash(x0, y0 + 1, seed), fx, fy - 1);
        double n11 = slope(hash(x0 + 1, y0 + 1, seed), fx - 1, fy - 1);

        double u = fade(fx);
        double bottom = n00 + u * (n10 - n00);
        double top = n01 + u * (n11 - n01);
        return Math.sqrt(2) * (bottom + fade(fy) * (top - bottom));
    }

    /**
     * Fractal Brownian motion: {@code octaves} layers of Perlin noise, each at twice the frequency
     * and half the amplitude of the last, normalised by the total amplitude (standard deviation
     * about 0.2).
     */
    static double fbm(double x, double y, int octaves, int seed) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        for (int octave = 0; octave < octaves; octave++) {
            sum += amplitude * perlin(x, y, seed + octave * 0x632BE5AB);
            total += amplitude;
            amplitude *= 0.5;
            x *= 2;
            y *= 2;
        }
        return sum / total;
    }

    /** Like {@link #fbm} but summing absolute values: creased, in [0, 1], mean about 0.2. */
    static double turbulence(double x, double y, int octaves, int seed) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        for (int octave = 0; octave < octaves; octave++) {
            sum += amplitude * Math.abs(perlin(x, y, seed + octave * 0x632BE5AB));
            total += amplitude;
            amplitude *= 0.5;
            x *= 2;
            y *= 2;
        }
        return sum / total;
    }

    /**
     * How many octaves fit between a base frequency and the pixel grid: the finest octave's
     * features stay at least two pixels wide. Between 1 and 8.
     *
     * @param frequency features per patch width of the first octave
     * @param pixel one pixel's width in patch widths
     */
    static int octaves(double frequency, double pixel) {
        double ratio = 1 / (2 * pixel * frequency);
        int octaves = 1 + (int) Math.floor(StrictMath.log(Math.max(ratio, 1)) / StrictMath.log(2));
        return Math.min(octaves, 8);
    }

    /** Worley noise: one jittered feature point per unit square; distances in the same units. */
    static Cell worley(double x, double y, int seed) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double f1 = Double.MAX_VALUE;
        double f2 = Double.MAX_VALUE;
        int id = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int h = hash(xi + dx, yi + dy, seed);
                double px = xi + dx + (h & 0xFFFF) / 65536.0 - x;
                double py = yi + dy + (h >>> 16) / 65536.0 - y;
                double distance = Math.sqrt(px * px + py * py);
                if (distance < f1) {
                    f2 = f1;
                    f1 = distance;
                    id = h;
                } else if (distance < f2) {
                    f2 = distance;
                }
            }
        }
        return new Cell(f1, f2, id);
    }

    private static double slope(int hash, double x, double y) {
        int direction = hash & (DIRECTIONS - 1);
        return GRADIENT_X[direction] * x + GRADIENT_Y[direction] * y;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }
}
