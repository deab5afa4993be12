package dev.aetransfer.report;

import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.Stat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison row as the flat fields of {@code results.json} and {@code results.csv}: every
 * figure's mean under its own key and its standard deviation under {@code KEY_std}, {@code null}
 * where it does not apply.
 */
final class RowFields {

    /** The keys, in file order. */
    static final List<String> KEYS =
            List.of(
                    "name",
                    "kind",
                    "recon_mse",
                    "recon_mse_std",
                    "psnr",
                    "psnr_std",
                    "ssim",
                    "ssim_std",
                    "probe_accuracy",
                    "probe_accuracy_std",
                    "knn_accuracy",
                    "knn_accuracy_std",
                    "overfit_gap",
                    "overfit_gap_std",
                    "elbo",
                    "elbo_std",
                    "kl",
                    "kl_std",
                    "active_units",
                    "active_units_std",
                    "trainable_params",
                    "train_seconds",
                    "train_seconds_std",
                    "seeds");

    private RowFields() {}

    /**
     * The fields of {@code row}, keyed and ordered as {@link #KEYS}; absent figures map to null.
     */
    static Map<String, Object> of(ComparisonRow row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", row.name());
        fields.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
        put(fields, "recon_mse", row.reconMse());
        put(fields, "psnr", row.psnr());
        put(fields, "ssim", row.ssim());
        put(fields, "probe_accuracy", row.probeAccuracy());
        put(fields, "knn_accuracy", row.knnAccuracy());
        put(fields, "overfit_gap", row.overfitGap());
        put(fields, "elbo", row.elbo());
        put(fields, "kl", row.kl());
        put(fields, "active_units", row.activeUnits());
        fields.put("trainable_params", row.trainableParams());
        put(fields, "train_seconds", row.trainSeconds());
        fields.put("seeds", row.seeds());
        return fields;
    }

    private static void put(Map<String, Object> fields, String key, Stat stat) {
        fields.put(key, stat == null ? null : stat.mean());
        fields.put(key + "_std", stat == null ? null : stat.std());
    }
}
