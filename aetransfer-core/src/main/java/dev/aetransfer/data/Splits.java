package dev.aetransfer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Class selection, stratified splits, hold-out validation splits and per-class limits, on arrays of
 * labels. Labels are in {@code [0, classes)}, or -1 throughout for unlabelled data, which counts as
 * one class. Every result lists indices in ascending order.
 */
public final class Splits {

    private static final String UNKNOWN_CLASS =
            "unknown class \"%s\" in --classes; choose from %s or 0 to %d";
    private static final String CLASS_TOO_SMALL =
            "--per-class %d is larger than class \"%s\", which has %d training examples";

    private Splits() {}

    /**
     * Splits a set's indices into {@code {kept, heldOut}}, holding out about {@code fraction} of
     * each class (of the whole set when unlabelled), as a validation split; nothing is held out for
     * {@code fraction} 0. See {@link #stratified} for small classes.
     */
    public static int[][] holdOut(SampleSet set, double fraction, long seed) {
        if (fraction <= 0) {
            int[] all = new int[set.size()];
            Arrays.setAll(all, i -> i);
            return new int[][] {all, new int[0]};
        }
        return stratified(labels(set), 1 - fraction, seed);
    }

    /**
     * The classes that {@code --classes} names, in the order of {@code classNames}.
     *
     * @param tokens class names, or label numbers in {@code [0, classNames.size())}
     * @param origin the data the classes belong to, for messages
     * @return a selection that keeps every class when {@code tokens} is empty
     */
    static ClassSelection selectClasses(
            List<String> classNames, List<String> tokens, String origin) {
        if (tokens.isEmpty()) {
            return ClassSelection.all(classNames);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(
                    String.format("--classes needs labelled data, but %s has no labels", origin));
        }
        boolean[] keep = new boolean[classNames.size()];
        for (String token : tokens) {
            keep[resolve(classNames, token.trim())] = true;
        }
        List<String> names = new ArrayList<>();
        int[] newLabel = new int[classNames.size()];
        for (int i = 0; i < keep.length; i++) {
            newLabel[i] = keep[i] ? names.size() : -1;
            if (keep[i]) {
                names.add(classNames.get(i));
            }
        }
        return new ClassSelection(names, newLabel);
    }

    private static int resolve(List<String> classNames, String token) {
        int byName = classNames.indexOf(token);
        if (byName >= 0) {
            return byName;
        }
        try {
            int number = Integer.parseInt(token);
            if (number >= 0 && number < classNames.size()) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Not a number either: the message below lists what is valid.
        }
        throw new IllegalArgumentException(
                String.format(
                        UNKNOWN_CLASS,
                        token,
                        String.join(", ", classNames),
                        classNames.size() - 1));
    }

    /**
     * Splits each class at random into a training and a test part. A class of {@code n ≥ 2} samples
     * puts {@code round(fraction × n)} of them, but at least one and at most {@code n - 1}, into
     * training; a class of one sample goes to training.
     *
     * @return the training indices and the test indices
     */
    static int[][] stratified(int[] labels, double fraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] members : byClass(labels)) {
            shuffle(members, random);
            int n = members.length;
            int kept = n < 2 ? n : Math.max(1, Math.min(n - 1, (int) Math.round(fraction * n)));
            for (int i = 0; i < n; i++) {
                (i < kept ? train : test).add(members[i]);
            }
        }
        return new int[][] {sorted(train), sorted(test)};
    }

    /**
     * Keeps {@code perClass} samples of each class, chosen at random.
     *
     * @throws IllegalArgumentException when a class has fewer samples, naming it and its count
     */
    static int[] perClass(int[] labels, List<String> classNames, int perClass, long seed) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(
                    "--per-class needs labelled data, but the training data has no labels");
        }
        Random random = new Random(seed);
        List<Integer> kept = new ArrayList<>();
        List<int[]> classes = byClass(labels, classNames.size());
        for (int c = 0; c < classes.size(); c++) {
            int[] members = classes.get(c);
            if (members.length < perClass) {
                throw new IllegalArgumentException(
                        String.format(
                                CLASS_TOO_SMALL, perClass, classNames.get(c), members.length));
            }
            shuffle(members, random);
            for (int i = 0; i < perClass; i++) {
                kept.add(members[i]);
            }
        }
        return sorted(kept);
    }

    /** Number of samples of each class in {@code [0, classes)}. */
    static int[] counts(SampleSet set) {
        int[] counts = new int[set.classNames().size()];
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (label >= 0) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** The labels of a set, -1 throughout when it is unlabelled. */
    static int[] labels(SampleSet set) {
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.label(i);
        }
        return labels;
    }

    private static List<int[]> byClass(int[] labels) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        if (classes == 0) {
            int[] all = new int[labels.length];
            Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        return byClass(labels, classes);
    }

    private static List<int[]> byClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        List<int[]> members = new ArrayList<>();
        for (int count : counts) {
            members.add(new int[count]);
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            members.get(labels[i])[filled[labels[i]]++] = i;
        }
        return members;
    }

    /** Fisher–Yates, so that a seed gives the same order on every JVM. */
    static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static int[] sorted(List<Integer> indices) {
        return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Which classes a selection keeps.
     *
     * @param names the kept class names, in their original order
     * @param newLabel for each original label, its label after selection, or -1 when dropped
     */
    record ClassSelection(List<String> names, int[] newLabel) {

        static ClassSelection all(List<String> classNames) {
            int[] identity = new int[classNames.size()];
            Arrays.setAll(identity, i -> i);
            return new ClassSelection(List.copyOf(classNames), identity);
        }

        /** True when every class is kept under its own label. */
        boolean keepsAll() {
            for (int i = 0; i < newLabel.length; i++) {
                if (newLabel[i] != i) {
                    return false;
                }
            }
            return names.size() == newLabel.length;
        }

        /** Label of a class name after selection, or -1 when it is dropped or unknown. */
        int labelOf(String name) {
            return names.indexOf(name);
        }
    }
}
