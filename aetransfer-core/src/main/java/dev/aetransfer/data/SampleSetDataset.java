package dev.aetransfer.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.Objects;

/**
 * A DJL {@link RandomAccessDataset} over a {@link SampleSet}, for feeding DJL's Dataset API. Record
 * {@code i} holds as data one float32 array: the image as {@code C×H×W} in [0, 1], or a vector as
 * {@code (d)}; and as labels, when the set is labelled, one float32 scalar holding the class, else
 * nothing. Arrays are created in the manager DJL passes to {@link #get}, which closes them.
 *
 * <pre>{@code
 * SampleSetDataset dataset = SampleSetDataset.builder()
 *         .setSamples(split.train())
 *         .setSampling(32, true)
 *         .build();
 * }</pre>
 */
public final class SampleSetDataset extends RandomAccessDataset {

    private final SampleSet samples;
    private final Shape shape;

    private SampleSetDataset(Builder builder) {
        super(builder);
        this.samples = builder.samples;
        SampleShape sample = samples.shape();
        this.shape =
                sample.isVector()
                        ? new Shape(sample.width())
                        : new Shape(sample.channels(), sample.height(), sample.width());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The samples this dataset reads. */
    public SampleSet samples() {
        return samples;
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        float[] values = new float[samples.shape().volume()];
        samples.read(i, values, 0);
        NDArray data = manager.create(values, shape);
        NDList labels = new NDList();
        if (samples.labelled()) {
            labels.add(manager.create((float) samples.label(i)));
        }
        return new Record(new NDList(data), labels);
    }

    @Override
    protected long availableSize() {
        return samples.size();
    }

    /** Nothing to prepare: the samples are loaded already. */
    @Override
    public void prepare(Progress progress) {}

    /** Builds a {@link SampleSetDataset}; {@code setSamples} and a sampling are required. */
    public static final class Builder extends BaseBuilder<Builder> {

        private SampleSet samples;

        private Builder() {}

        public Builder setSamples(SampleSet samples) {
            this.samples = Objects.requireNonNull(samples, "samples");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SampleSetDataset build() {
            if (samples == null) {
                throw new IllegalStateException("setSamples must be called before build");
            }
            return new SampleSetDataset(this);
        }
    }
}
