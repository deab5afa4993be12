package dev.aetransfer.train;

/** How the learning rate changes over a run, as a factor of the base rate at each step. */
public enum Schedule {
    /** The base rate throughout. */
    CONSTANT,
    /** Cosine annealing from the base rate to 0 over the run. */
    COSINE,
    /**
     * One cycle (Smith 2018), as PyTorch's {@code OneCycleLR} defaults: cosine warm-up from 1/25 of
     * the base rate to the base rate over the first 30 % of steps, then cosine annealing to 1/10⁴
     * of the warm-up's start.
     */
    ONE_CYCLE;

    private static final double WARMUP = 0.3;
    private static final double START_DIVISOR = 25;
    private static final double FINAL_DIVISOR = 1e4;

    /**
     * The factor at {@code step} of {@code totalSteps}, both counted from 0; steps past the end get
     * the final factor.
     */
    public double factor(long step, long totalSteps) {
        double t = totalSteps <= 1 ? 1 : Math.min(1, (double) step / (totalSteps - 1));
        return switch (this) {
            case CONSTANT -> 1;
            case COSINE -> cosine(1, 0, t);
            case ONE_CYCLE -> {
                double start = 1 / START_DIVISOR;
                double end = start / FINAL_DIVISOR;
                yield t < WARMUP
                        ? cosine(start, 1, t / WARMUP)
                        : cosine(1, end, (t - WARMUP) / (1 - WARMUP));
            }
        };
    }

    /** Cosine interpolation from {@code from} at t = 0 to {@code to} at t = 1. */
    private static double cosine(double from, double to, double t) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
}
