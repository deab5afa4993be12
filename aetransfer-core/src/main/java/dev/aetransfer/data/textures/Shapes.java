package dev.aetransfer.data.textures;

/** Small shaping functions shared by the families; distances and widths share one unit. */
final class Shapes {

    private Shapes() {}

    static double fract(double x) {
        return x - Math.floor(x);
    }

    static double clamp01(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }

    /**
     * 0 well below {@code distance = 0}, 1 well above, a linear ramp {@code width} wide between.
     */
    static double ramp(double distance, double width) {
        return clamp01(distance / width + 0.5);
    }

    /** Hermite step from 0 at {@code low} to 1 at {@code high}. */
    static double smoothstep(double low, double high, double x) {
        double t = clamp01((x - low) / (high - low));
        return t * t * (3 - 2 * t);
    }

    /**
     * A square wave of period 1: about 1 on {@code [0, duty)} of each period, 0 elsewhere, with
     * edges {@code width} wide.
     */
    static double band(double x, double duty, double width) {
        double s = fract(x);
        double distance = s < duty ? Math.min(s, duty - s) : -Math.min(s - duty, 1 - s);
        return ramp(distance, width);
    }

    /** A triangle wave of period 1: 0 at whole numbers, 1 half way between. */
    static double triangle(double x) {
        return 1 - Math.abs(2 * fract(x) - 1);
    }

    /** A uniform value in [0, 1) from the high bits of a hash. */
    static double unit(int hash) {
        return (hash >>> 8) / (double) (1 << 24);
    }
}
