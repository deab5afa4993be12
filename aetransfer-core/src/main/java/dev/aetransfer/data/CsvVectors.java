package dev.aetransfer.data;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads vectors from a CSV file, one per line. The first line is a header when any of its cells is
 * not a number; a header column named {@code label} holds each row's class, as a name or a number.
 * Class names are sorted: numerically when every label is an integer, else as text. Numbers are
 * plain decimals ({@code -1.5}, {@code 2e-3}); NaN and infinities are refused.
 */
final class CsvVectors {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    private static final String LABEL = "label";
    private static final String ONLY_LABEL =
            "CSV file %s line %d: the header has no column besides the label";

    private CsvVectors() {}

    static SampleSet read(Path file, MemoryBudget budget) {
        CsvFactory factory =
                CsvFactory.builder()
                        .enable(CsvParser.Feature.TRIM_SPACES)
                        .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                        .build();
        try (CsvParser parser = factory.createParser(file.toFile())) {
            return new Reading(file, budget).read(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    String.format("cannot read CSV file %s: %s", file, e.getMessage()), e);
        }
    }

    /** The state of reading one file: the layout the first rows fixed, and what came so far. */
    private static final class Reading {

        private final Path file;
        private final MemoryBudget budget;
        private int columns = -1;
        private int firstLine;
        private int labelColumn = -1;
        private SampleBuffer buffer;
        private final List<String> labelTexts = new ArrayList<>();

        Reading(Path file, MemoryBudget budget) {
            this.file = file;
            this.budget = budget;
        }

        SampleSet read(CsvParser parser) throws IOException {
            List<String> cells = new ArrayList<>();
            long line = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    cells.clear();
                } else if (token == JsonToken.END_ARRAY) {
                    row(cells, (int) line);
                } else {
                    if (cells.isEmpty()) {
                        // The row's line is where its first value starts.
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
            }
            if (buffer == null || buffer.size() == 0) {
                throw new IllegalArgumentException(
                        String.format("CSV file %s holds no rows of numbers", file));
            }
            return finish();
        }

        private void row(List<String> cells, int line) {
            if (columns < 0) {
                columns = cells.size();
                firstLine = line;
                if (isHeader(cells)) {
                    labelColumn = indexOfLabel(cells);
                    int width = columns - (labelColumn >= 0 ? 1 : 0);
                    if (width < 1) {
                        throw new IllegalArgumentException(String.format(ONLY_LABEL, file, line));
                    }
                    start(width);
                    return;
                }
                start(columns);
            }
            if (cells.size() != columns) {
                throw new IllegalArgumentException(
                        String.format(
                                "CSV file %s line %d: %d values, expected %d as on line %d",
                                file, line, cells.size(), columns, firstLine));
            }
            float[] vector = new float[columns - (labelColumn >= 0 ? 1 : 0)];
            int at = 0;
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c == labelColumn) {
                    if (cell.isEmpty()) {
                        throw new IllegalArgumentException(
                                String.format(
                                        "CSV file %s line %d, column %d: the label is empty",
                                        file, line, c + 1));
                    }
                    labelTexts.add(cell);
                } else if (NUMBER.matcher(cell).matches()) {
                    vector[at++] = Float.parseFloat(cell);
                } else {
                    throw new IllegalArgumentException(
                            String.format(
                                    "CSV file %s line %d, column %d: \"%s\" is not a number",
                                    file, line, c + 1, cell));
                }
            }
            buffer.add(vector, -1);
        }

        private boolean isHeader(List<String> cells) {
            return cells.stream().anyMatch(cell -> !NUMBER.matcher(cell).matches());
        }

        private int indexOfLabel(List<String> header) {
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).toLowerCase(Locale.ROOT).equals(LABEL)) {
                    return c;
                }
            }
            return -1;
        }

        private void start(int width) {
            SampleLayout layout =
                    new SampleLayout(SampleShape.vector(width), SampleStorage.FLOAT32);
            buffer = new SampleBuffer(layout, 0, budget, file.toString());
        }

        private SampleSet finish() {
            if (labelColumn < 0) {
                return buffer.finish(List.of());
            }
            boolean numeric = labelTexts.stream().allMatch(t -> INTEGER.matcher(t).matches());
            Comparator<String> order =
                    numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
            Map<String, Integer> index = new TreeMap<>(order);
            for (String text : labelTexts) {
                index.putIfAbsent(numeric ? Long.toString(Long.parseLong(text)) : text, 0);
            }
            List<String> names = new ArrayList<>(index.keySet());
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
            int[] labels = new int[labelTexts.size()];
            for (int i = 0; i < labels.length; i++) {
                String text = labelTexts.get(i);
                labels[i] = index.get(numeric ? Long.toString(Long.parseLong(text)) : text);
            }
            return buffer.finish(labels, names);
        }
    }
}
