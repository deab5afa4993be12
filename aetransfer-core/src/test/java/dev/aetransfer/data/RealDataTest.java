package dev.aetransfer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aetransfer.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("real-data")
class RealDataTest {

    @Test
    void fashionMnist_folder_givesKnownCountsLabelsAndClasses() {
        Path folder = RealData.fashionMnist();

        TrainTestSplit split =
                DataLoader.load(DataRequest.builder().setSource(folder.toString()).build());

        SampleSet train = split.train();
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(split.test().size()).isEqualTo(10_000);
        assertThat(train.shape()).isEqualTo(new SampleShape(1, 28, 28));
        assertThat(train.classNames()).isEqualTo(IdxFiles.FASHION_MNIST_CLASSES);
        assertThat(split.test().classNames()).isEqualTo(IdxFiles.FASHION_MNIST_CLASSES);
        int[] first = new int[10];
        for (int i = 0; i < 10; i++) {
            first[i] = train.label(i);
        }
        assertThat(first).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(Splits.counts(train)).containsOnly(6_000);
        assertThat(Splits.counts(split.test())).containsOnly(1_000);
        DataSummary summary = DataSummary.of(train);
        assertThat(summary.mean().get(0)).isBetween(0.27, 0.30);
        assertThat(summary.std().get(0)).isBetween(0.34, 0.36);
    }

    @Test
    void fashionMnist_classesByName_andPerClass() {
        Path folder = RealData.fashionMnist();

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(folder.toString())
                                .optClasses(List.of("5", "Sneaker", "Ankle boot"))
                                .optPerClass(100)
                                .build());

        assertThat(split.train().classNames()).containsExactly("Sandal", "Sneaker", "Ankle boot");
        assertThat(Splits.counts(split.train())).containsExactly(100, 100, 100);
        assertThat(Splits.counts(split.test())).containsExactly(1_000, 1_000, 1_000);
    }

    @Test
    void gimpPatterns_everyPatternParsesAndMatchesItsHeader() throws IOException {
        Path folder = RealData.gimpPatterns();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".pat")).sorted().toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            GimpPatterns.PatternHeader header = GimpPatterns.header(file);
            DecodedImage image = GimpPatterns.decode(file);
            assertThat(image.width()).as("%s", file).isEqualTo(header.width());
            assertThat(image.height()).as("%s", file).isEqualTo(header.height());
            assertThat(image.channels()).as("%s", file).isEqualTo(header.colour() ? 3 : 1);
        }
    }

    @Test
    void gimpPatterns_folder_loadsEveryPatternAsAClassOfPatches() throws IOException {
        Path folder = RealData.gimpPatterns();
        long count;
        try (Stream<Path> walk = Files.walk(folder)) {
            count = walk.filter(p -> p.toString().endsWith(".pat")).count();
        }

        TrainTestSplit split =
                DataLoader.load(
                        DataRequest.builder()
                                .setSource(folder.toString())
                                .optPatch(8)
                                .optPatchesPerImage(10)
                                .build());

        assertThat(split.train().classNames()).hasSize((int) count).contains("Wood/burlwood");
        assertThat(split.train().shape()).isEqualTo(new SampleShape(3, 8, 8));
        assertThat(Splits.counts(split.train())).containsOnly(8);
        assertThat(Splits.counts(split.test())).containsOnly(2);
    }
}
