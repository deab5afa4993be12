package dev.aetransfer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.aetransfer.experiment.ComparisonResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code results.csv}: the rows of {@code results.json}, flat, under a header row of the same keys;
 * a figure that does not apply is an empty cell. Fields are quoted where CSV needs it.
 */
public final class ResultsCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private ResultsCsv() {}

    /** The header keys, in column order. */
    public static List<String> header() {
        return RowFields.KEYS;
    }

    /** The file's text as UTF-8, one line per row after the header. */
    public static byte[] toBytes(ComparisonResult result) {
        CsvSchema.Builder schema = CsvSchema.builder();
        RowFields.KEYS.forEach(schema::addColumn);
        List<Map<String, Object>> rows = result.rows().stream().map(RowFields::of).toList();
        try {
            String text =
                    MAPPER.writer(schema.build().withHeader().withNullValue(""))
                            .writeValueAsString(rows);
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the comparison as CSV", e);
        }
    }
}
