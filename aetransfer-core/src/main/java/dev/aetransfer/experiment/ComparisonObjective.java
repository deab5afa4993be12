package dev.aetransfer.experiment;

import java.util.Locale;

/** What a comparison ranks strategies by, as {@code --objective} names it. */
public enum ComparisonObjective {
    /** Linear-probe accuracy on the held-out latent means, highest first: the features matter. */
    PROBE,
    /** Held-out reconstruction MSE, lowest first: only the reconstructions matter. */
    RECON;

    /**
     * The name as the command line and {@code results.json} spell it: {@code probe}, {@code recon}.
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
