package dev.aetransfer.transfer;

import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.aetransfer.model.Autoencoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Inserts residual adapters around the latent of a pretrained model: {@code adapter.pre} before the
 * latent heads (1×1 convolutions on feature maps, or dense) and {@code adapter.post} after the
 * latent. Their output projections start at zero, so the adapted model computes exactly what the
 * pretrained one does until they train.
 */
public final class Adapters {

    private Adapters() {}

    /**
     * A new model: the pretrained stages copied, adapters of hidden width {@code width} added and
     * initialised from {@code seed}. The caller closes it.
     */
    public static Autoencoder insert(Autoencoder pretrained, int width, long seed) {
        Autoencoder adapted = Autoencoder.create(pretrained.spec().withAdapters(width), seed);
        try {
            for (String stage : pretrained.block().stageNames()) {
                copyStage(pretrained.block().stage(stage), adapted.block().stage(stage), adapted);
            }
            return adapted;
        } catch (RuntimeException e) {
            adapted.close();
            throw e;
        }
    }

    private static void copyStage(Block from, Block to, Autoencoder owner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                from.saveParameters(out);
            }
            for (Pair<String, Parameter> pair : to.getParameters()) {
                pair.getValue().close();
            }
            try (DataInputStream in =
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                to.loadParameters(owner.manager(), in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("a stage does not match its copy", e);
        }
        for (Pair<String, Parameter> pair : to.getParameters()) {
            Parameter parameter = pair.getValue();
            parameter.getArray().setRequiresGradient(parameter.requiresGradient());
        }
    }
}
