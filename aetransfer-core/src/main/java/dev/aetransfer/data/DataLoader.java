package dev.aetransfer.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the data a {@link DataRequest} names into a training and a held-out set.
 *
 * <p>The steps, in order: open the source(s); keep the selected classes (both splits); read image
 * headers to choose the channels (3 when any image has colour, else 1) and to check that sizes
 * agree unless {@code --size} or {@code --patch} is given; split (the source's own {@code
 * train/}/{@code test/} or train/t10k layout, {@code --test-data}, or a stratified seeded split,
 * 0.8 by default; patches of a class with a single image are split by region); keep {@code
 * --per-class} training examples of each class (patches count as examples); decode, convert
 * channels, resize the shorter side to {@code --size} and centre-crop, cut patches. Samples go to
 * memory while they fit the memory budget and to a cache file after that.
 *
 * <p>Bad input is an {@link IllegalArgumentException} whose message names the file and what is
 * wrong; with {@link BadInputPolicy#SKIP} unreadable images and patterns are left out instead.
 */
public final class DataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);

    private DataLoader() {}

    /**
     * Loads the request's data. Safe to call from several threads at once; each call reads its
     * sources anew.
     */
    public static TrainTestSplit load(DataRequest request) {
        long start = System.nanoTime();
        TrainTestSplit split = new Loading(request).run();
        LOG.info(
                "phase=data source={} train={} test={} shape={} classes={} on_disk={} seconds={}",
                request.source(),
                split.train().size(),
                split.test().size(),
                split.train().shape(),
                split.train().classNames().size(),
                Loading.onDisk(split.train()) || Loading.onDisk(split.test()),
                String.format("%.2f", (System.nanoTime() - start) / 1e9));
        return split;
    }
}
