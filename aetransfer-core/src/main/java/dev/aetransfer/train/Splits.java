package dev.aetransfer.train;

import dev.aetransfer.data.SampleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded hold-out splits of sample indices, stratified by class when the set is labelled. */
public final class Splits {

    private Splits() {}

    /**
     * Splits the indices {@code 0..n-1} into {@code {kept, heldOut}} with about {@code fraction} of
     * each class held out (of the whole set when unlabelled), at least one sample held out when
     * {@code fraction > 0}, and both parts in ascending order.
     */
    public static int[][] holdOut(SampleSet samples, double fraction, long seed) {
        if (fraction <= 0) {
            return new int[][] {range(samples.size()), new int[0]};
        }
        Random random = new Random(seed);
        List<List<Integer>> groups = new ArrayList<>();
        int classes = Math.max(1, samples.classNames().size());
        for (int c = 0; c < classes; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < samples.size(); i++) {
            groups.get(Math.max(0, samples.label(i))).add(i);
        }
        boolean[] heldOut = new boolean[samples.size()];
        int heldCount = 0;
        for (List<Integer> group : groups) {
            Collections.shuffle(group, random);
            int take = (int) Math.round(group.size() * fraction);
            for (int i = 0; i < take; i++) {
                heldOut[group.get(i)] = true;
                heldCount++;
            }
        }
        if (heldCount == 0 && samples.size() > 1) {
            heldOut[random.nextInt(samples.size())] = true;
            heldCount = 1;
        }
        int[] kept = new int[samples.size() - heldCount];
        int[] held = new int[heldCount];
        int k = 0;
        int h = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (heldOut[i]) {
                held[h++] = i;
            } else {
                kept[k++] = i;
            }
        }
        return new int[][] {kept, held};
    }

    static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}
