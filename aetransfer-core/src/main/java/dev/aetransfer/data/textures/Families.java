package dev.aetransfer.data.textures;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every family, and the split between pretraining and transfer. Each target family is a relative of
 * source families (plaid of stripes and checks, chevron of stripes, ripples of wood rings,
 * honeycomb of cells and dots, camouflage of clouds) but is never seen in pretraining.
 */
final class Families {

    /** Families in the {@code source} mix. */
    static final List<Family> SOURCE =
            List.of(
                    new Stripes(),
                    new Checks(),
                    new Dots(),
                    new Clouds(),
                    new Marble(),
                    new Wood(),
                    new Cells(),
                    new Bricks(),
                    new Weave(),
                    new Scales());

    /** Families held out of the source, for the {@code target} set. */
    static final List<Family> TARGET =
            List.of(new Plaid(), new Chevron(), new Ripples(), new Honeycomb(), new Camouflage());

    /** Source families, then target families. */
    static final List<Family> ALL = Stream.concat(SOURCE.stream(), TARGET.stream()).toList();

    private Families() {}

    static Optional<Family> named(String name) {
        return ALL.stream().filter(family -> family.name().equals(name)).findFirst();
    }

    /** {@code stripes, checks, ...}, as error messages list the choices. */
    static String names() {
        return ALL.stream().map(Family::name).collect(Collectors.joining(", "));
    }
}
