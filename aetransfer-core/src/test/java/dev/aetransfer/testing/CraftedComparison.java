package dev.aetransfer.testing;

import dev.aetransfer.data.InMemorySampleSet;
import dev.aetransfer.data.SampleShape;
import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonObjective;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.LatentProjection;
import dev.aetransfer.experiment.LossCurve;
import dev.aetransfer.experiment.ReconstructionGrid;
import dev.aetransfer.experiment.RowKind;
import dev.aetransfer.experiment.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A comparison result without training: nine strategies and two baselines over three seeds on a
 * four-class target, with figures drawn around plausible values by a seeded random generator, tiny
 * images and latent means. {@code scratch} reconstructs best and probes worst, as on a real small
 * target.
 */
public final class CraftedComparison {

    /** The strategies, in report order. */
    public static final List<String> STRATEGIES =
            List.of(
                    "scratch",
                    "pretrained",
                    "freeze-encoder",
                    "last-layer",
                    "full",
                    "discriminative",
                    "gradual",
                    "adapters",
                    "freeze:encoder.*");

    public static final List<String> CLASSES = List.of("plaid", "chevron", "ripples", "honeycomb");
    public static final int SEEDS = 3;
    public static final int EPOCHS = 12;
    public static final SampleShape SHAPE = new SampleShape(3, 16, 16);

    private CraftedComparison() {}

    /** How each row behaves: held-out MSE, probe accuracy, overfit gap, parameters, seconds. */
    private record Profile(
            String name, double mse, double probe, double gap, long params, double seconds) {}

    private static final List<Profile> PROFILES =
            List.of(
                    new Profile("scratch", 0.0064, 0.46, 0.0041, 412_387, 38),
                    new Profile("pretrained", 0.0210, 0.78, 0.0002, 0, 0),
                    new Profile("freeze-encoder", 0.0118, 0.84, 0.0009, 209_571, 14),
                    new Profile("last-layer", 0.0164, 0.78, 0.0003, 1_731, 6),
                    new Profile("full", 0.0089, 0.80, 0.0032, 412_387, 36),
                    new Profile("discriminative", 0.0093, 0.815, 0.0016, 412_387, 37),
                    new Profile("gradual", 0.0097, 0.82, 0.0012, 412_387, 29),
                    new Profile("adapters", 0.0131, 0.805, 0.0006, 33_280, 17),
                    new Profile("freeze:encoder.*", 0.0114, 0.83, 0.0008, 230_115, 16),
                    new Profile("pca", 0.0152, 0.72, 0.0004, 0, 0.4));

    /** The result for the probe objective, deterministic for {@code seed}. */
    public static ComparisonResult probe(long seed) {
        return build(seed, ComparisonObjective.PROBE);
    }

    /** The result for {@code objective}, deterministic for {@code seed}. */
    public static ComparisonResult build(long seed, ComparisonObjective objective) {
        Random random = new Random(seed);
        ComparisonResult.Builder result =
                ComparisonResult.builder()
                        .setObjective(objective)
                        .setContext(
                                new ComparisonContext(
                                        "textures:target&n=600",
                                        "source.aet",
                                        SEEDS,
                                        EPOCHS,
                                        412.7,
                                        480,
                                        120,
                                        CLASSES));
        for (Profile profile : PROFILES) {
            result.addRow(row(profile, random));
        }
        result.addRow(
                ComparisonRow.builder("raw-pixels", RowKind.BASELINE)
                        .optProbeAccuracy(around(0.64, 0.004, random))
                        .optKnnAccuracy(around(0.58, 0.004, random))
                        .optSeeds(SEEDS)
                        .build());

        for (Profile profile : PROFILES) {
            if (!profile.name().equals("pca") && !profile.name().equals("pretrained")) {
                result.addCurve(curve(profile, random));
            }
        }
        result.optGrid(grid(random));
        for (Profile profile : PROFILES) {
            result.addProjection(projection(profile, random));
        }
        return result.build();
    }

    private static ComparisonRow row(Profile p, Random random) {
        boolean baseline = p.name().equals("pca");
        double[] mse = new double[SEEDS];
        double[] psnr = new double[SEEDS];
        double[] ssim = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            mse[s] = p.mse() * (1 + 0.05 * random.nextGaussian());
            psnr[s] = 10 * Math.log10(1 / mse[s]);
            ssim[s] = 0.97 - 18 * mse[s] + 0.01 * random.nextGaussian();
        }
        ComparisonRow.Builder row =
                ComparisonRow.builder(p.name(), baseline ? RowKind.BASELINE : RowKind.STRATEGY)
                        .optReconMse(Stat.of(mse))
                        .optPsnr(Stat.of(psnr))
                        .optSsim(Stat.of(ssim))
                        .optProbeAccuracy(around(p.probe(), 0.015, random))
                        .optKnnAccuracy(around(p.probe() - 0.04, 0.02, random))
                        .optOverfitGap(around(p.gap(), p.gap() * 0.2, random))
                        .optTrainableParams(p.params())
                        .optTrainSeconds(around(p.seconds(), p.seconds() * 0.05, random))
                        .optSeeds(SEEDS);
        if (!baseline) {
            double kl = 28 + 6 * random.nextDouble();
            double reconstruction = p.mse() * SHAPE.volume() * 40;
            row.optKl(around(kl, 0.8, random))
                    .optElbo(around(-(reconstruction + kl), 1.5, random))
                    .optActiveUnits(around(14 + 10 * p.probe(), 1, random));
        }
        return row.build();
    }

    /** Seeds drawn around {@code mean}; clipped at 0 for a positive mean. */
    private static Stat around(double mean, double spread, Random random) {
        double[] values = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            double value = mean + spread * random.nextGaussian();
            values[s] = mean > 0 ? Math.max(0, value) : value;
        }
        return Stat.of(values);
    }

    private static LossCurve curve(Profile p, Random random) {
        double[] train = new double[EPOCHS];
        double[] heldOut = new double[EPOCHS];
        double floor = p.mse() * SHAPE.volume() * 40;
        double start = p.name().equals("scratch") ? 4 * floor : 1.6 * floor;
        for (int e = 0; e < EPOCHS; e++) {
            double decay = Math.exp(-e / 3.0);
            double fitted = floor - p.gap() * SHAPE.volume() * 30 * (1 - decay);
            train[e] = fitted + (start - floor) * decay + 0.3 * random.nextGaussian();
            heldOut[e] = floor + (start - floor) * decay * 1.05 + 0.3 * random.nextGaussian();
        }
        return new LossCurve(p.name(), train, heldOut);
    }

    private static ReconstructionGrid grid(Random random) {
        InMemorySampleSet images = TinyData.stripes(SHAPE, CLASSES.size(), 2, 17);
        List<float[]> originals = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            float[] image = new float[SHAPE.volume()];
            images.read(i, image, 0);
            originals.add(image);
        }
        Map<String, List<float[]>> reconstructions = new LinkedHashMap<>();
        for (Profile p : PROFILES) {
            List<float[]> row = new ArrayList<>();
            for (float[] original : originals) {
                row.add(degrade(original, p.mse(), random));
            }
            reconstructions.put(p.name(), row);
        }
        return new ReconstructionGrid(SHAPE, originals, reconstructions);
    }

    /** A blurred, noisy copy whose error grows with {@code mse}. */
    private static float[] degrade(float[] image, double mse, Random random) {
        int w = SHAPE.width();
        int h = SHAPE.height();
        float[] out = new float[image.length];
        double blend = Math.min(1, mse * 40);
        for (int c = 0; c < SHAPE.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = Math.min(h - 1, Math.max(0, y + dy));
                            int xx = Math.min(w - 1, Math.max(0, x + dx));
                            sum += image[c * h * w + yy * w + xx];
                            count++;
                        }
                    }
                    int i = c * h * w + y * w + x;
                    double value = (1 - blend) * image[i] + blend * sum / count;
                    out[i] = (float) (value + Math.sqrt(mse) * 0.5 * random.nextGaussian());
                }
            }
        }
        return out;
    }

    private static LatentProjection projection(Profile p, Random random) {
        int latent = 8;
        int perClass = 30;
        double separation = 4 * Math.max(0, p.probe() - 0.3);
        double[][] centres = new double[CLASSES.size()][latent];
        for (double[] centre : centres) {
            for (int j = 0; j < latent; j++) {
                centre[j] = separation * random.nextGaussian();
            }
        }
        float[][] means = new float[CLASSES.size() * perClass][latent];
        int[] labels = new int[means.length];
        for (int i = 0; i < means.length; i++) {
            labels[i] = i % CLASSES.size();
            for (int j = 0; j < latent; j++) {
                means[i][j] = (float) (centres[labels[i]][j] + random.nextGaussian());
            }
        }
        return LatentProjection.of(p.name(), means, labels, CLASSES);
    }
}
