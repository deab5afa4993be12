package dev.aetransfer.data;

import java.util.List;
import java.util.Objects;

/**
 * A training set and the held-out set that evaluation uses, as {@link DataLoader#load} returns
 * them. Both have the same shape, storage and class names.
 *
 * @param train the training split
 * @param test the held-out split; may be empty, never null
 * @param notes how the data was prepared, one line each (split, resizing, patches, storage, skipped
 *     files), for {@code data describe} and provenance
 */
public record TrainTestSplit(SampleSet train, SampleSet test, List<String> notes) {

    public TrainTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        notes = List.copyOf(notes);
    }

    /** A split without notes. */
    public TrainTestSplit(SampleSet train, SampleSet test) {
        this(train, test, List.of());
    }
}
