package dev.aetransfer.cli;

import dev.aetransfer.transfer.TransferOptions;
import picocli.CommandLine.Option;

/** Options of the transfer strategies that have any. */
final class TransferOptionsMixin {

    @Option(
            names = "--full-lr-factor",
            paramLabel = "F",
            defaultValue = "0.1",
            description = "Learning-rate factor of the full strategy (default ${DEFAULT-VALUE}).")
    private float fullLearningRateFactor;

    @Option(
            names = "--discriminative-factor",
            paramLabel = "F",
            defaultValue = "2.6",
            description =
                    "How much faster each stage learns than the one before "
                            + "it under discriminative (default ${DEFAULT-VALUE}).")
    private float discriminativeFactor;

    @Option(
            names = "--adapter-width",
            paramLabel = "N",
            defaultValue = "16",
            description = "Hidden width of the adapters (default ${DEFAULT-VALUE}).")
    private int adapterWidth;

    @Option(
            names = "--no-cache",
            description = "Run frozen stages every step instead of caching their outputs.")
    private boolean noCache;

    TransferOptions toOptions() {
        return new TransferOptions(
                fullLearningRateFactor, discriminativeFactor, adapterWidth, !noCache);
    }
}
