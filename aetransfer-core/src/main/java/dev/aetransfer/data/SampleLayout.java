package dev.aetransfer.data;

/** The shape and storage of samples, and so how many bytes one sample takes. */
record SampleLayout(SampleShape shape, SampleStorage storage) {

    static SampleLayout of(SampleSet set) {
        return new SampleLayout(set.shape(), set.storage());
    }

    int sampleBytes() {
        return shape.volume() * storage.bytesPerValue();
    }
}
