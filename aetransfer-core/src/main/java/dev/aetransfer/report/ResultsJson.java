package dev.aetransfer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aetransfer.Json;
import dev.aetransfer.experiment.ComparisonContext;
import dev.aetransfer.experiment.ComparisonResult;
import dev.aetransfer.experiment.ComparisonRow;
import dev.aetransfer.experiment.Recommendation;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code results.json}: {@code objective} ({@code probe} or {@code recon}, as applied), {@code
 * recommended}, {@code reason}, {@code notes}, {@code context}, and {@code rows}, one object per
 * strategy and baseline with the keys of the comparison schema ({@code name}, {@code kind}, {@code
 * recon_mse}, {@code recon_mse_std}, {@code psnr}, {@code ssim}, {@code probe_accuracy}, {@code
 * probe_accuracy_std}, {@code knn_accuracy}, {@code overfit_gap}, {@code trainable_params}, {@code
 * train_seconds}, {@code seeds}) plus the other figures and their standard deviations. A figure
 * that does not apply is {@code null}.
 */
public final class ResultsJson {

    private ResultsJson() {}

    /** The document as a Jackson tree. */
    public static ObjectNode toTree(ComparisonResult result) {
        Recommendation recommendation = result.recommendation();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("objective", recommendation.objective().cliName());
        root.put("recommended", recommendation.recommended());
        root.put("reason", recommendation.reason());
        ArrayNode notes = root.putArray("notes");
        recommendation.notes().forEach(notes::add);
        ArrayNode overfitting = root.putArray("overfitting");
        recommendation.overfitting().forEach(overfitting::add);
        root.set("context", context(result.context()));

        ArrayNode rows = root.putArray("rows");
        for (ComparisonRow row : result.rows()) {
            ObjectNode node = rows.addObject();
            for (Map.Entry<String, Object> field : RowFields.of(row).entrySet()) {
                node.set(field.getKey(), Json.mapper().valueToTree(field.getValue()));
            }
        }
        return root;
    }

    /** The document as indented UTF-8 text, ending in a newline. */
    public static byte[] toBytes(ComparisonResult result) {
        try {
            String text = Json.mapper().writeValueAsString(toTree(result)) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as JSON", e);
        }
    }

    private static ObjectNode context(ComparisonContext context) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("data", context.dataOrigin());
        node.put("pretrained_model", context.pretrainedModel());
        node.put("seeds", context.seeds());
        node.put("epochs", context.epochs());
        node.put("total_seconds", context.totalSeconds());
        node.put("train_size", context.trainSize());
        node.put("test_size", context.testSize());
        node.put("labelled", context.labelled());
        ArrayNode classes = node.putArray("class_names");
        context.classNames().forEach(classes::add);
        return node;
    }
}
