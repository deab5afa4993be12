package dev.aetransfer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aetransfer.DjlEngine;
import dev.aetransfer.Versions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model came from, as {@code provenance.json} in its model file records it.
 *
 * @param formatVersion the model file format version the file was written in
 * @param createdAt when the file was written, ISO-8601 UTC
 * @param aetransferVersion version of aetransfer that wrote it
 * @param djlVersion version of DJL that trained it
 * @param engine engine name and version, e.g. {@code PyTorch 2.7.1}
 * @param dataOrigin the training data's source, as the user gave it
 * @param dataFingerprint a hash of the training data's values and labels (see {@code
 *     DataFingerprint})
 * @param samples number of training samples
 * @param seed the seed of initialisation, shuffling and sampling
 * @param epochs epochs trained
 * @param metrics final figures, e.g. {@code loss}, {@code val_loss}, {@code val_mse}
 * @param parent file name of the model this one was fine-tuned from, or null
 * @param parentSha256 SHA-256 of that file, or null
 * @param strategy the fine-tuning strategy, or null for pretraining
 * @param frozenStages stages kept frozen while fine-tuning; empty for pretraining
 * @param training the training configuration, as JSON values
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Provenance(
        int formatVersion,
        String createdAt,
        String aetransferVersion,
        String djlVersion,
        String engine,
        String dataOrigin,
        String dataFingerprint,
        int samples,
        long seed,
        int epochs,
        Map<String, Double> metrics,
        String parent,
        String parentSha256,
        String strategy,
        List<String> frozenStages,
        Map<String, Object> training) {

    public Provenance {
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        frozenStages = frozenStages == null ? List.of() : List.copyOf(frozenStages);
        training = training == null ? Map.of() : new LinkedHashMap<>(training);
    }

    /** The same provenance with the epochs trained and the final figures of a finished run. */
    public Provenance withResult(int epochsTrained, Map<String, Double> finalMetrics) {
        return new Provenance(
                formatVersion,
                createdAt,
                aetransferVersion,
                djlVersion,
                engine,
                dataOrigin,
                dataFingerprint,
                samples,
                seed,
                epochsTrained,
                finalMetrics,
                parent,
                parentSha256,
                strategy,
                frozenStages,
                training);
    }

    /** A builder stamped with this library's and engine's versions and the current time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Provenance}; data origin and fingerprint are required. */
    public static final class Builder {
        private String dataOrigin;
        private String dataFingerprint;
        private int samples;
        private long seed;
        private int epochs;
        private Map<String, Double> metrics = Map.of();
        private String parent;
        private String parentSha256;
        private String strategy;
        private List<String> frozenStages = List.of();
        private Map<String, Object> training = Map.of();

        private Builder() {}

        public Builder setData(String origin, String fingerprint, int sampleCount) {
            this.dataOrigin = origin;
            this.dataFingerprint = fingerprint;
            this.samples = sampleCount;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder optMetrics(Map<String, Double> metrics) {
            this.metrics = metrics;
            return this;
        }

        /** The parent model's file name and SHA-256, for a fine-tuned model. */
        public Builder optParent(String fileName, String sha256) {
            this.parent = fileName;
            this.parentSha256 = sha256;
            return this;
        }

        public Builder optStrategy(String strategy, List<String> frozenStages) {
            this.strategy = strategy;
            this.frozenStages = frozenStages;
            return this;
        }

        public Builder optTraining(Map<String, Object> training) {
            this.training = training;
            return this;
        }

        public Provenance build() {
            if (dataOrigin == null || dataFingerprint == null) {
                throw new IllegalStateException("provenance needs the training data's origin");
            }
            return new Provenance(
                    ModelFile.FORMAT_VERSION,
                    Instant.now().toString(),
                    Versions.aetransfer(),
                    Versions.djl(),
                    DjlEngine.describe(),
                    dataOrigin,
                    dataFingerprint,
                    samples,
                    seed,
                    epochs,
                    metrics,
                    parent,
                    parentSha256,
                    strategy,
                    frozenStages,
                    training);
        }
    }
}
