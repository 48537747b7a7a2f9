package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the columns not worth dictionary-encoding: those whose values were all distinct over the
 * records buffered for schema inference (ids, timestamps, e-mail addresses), and those with so few
 * repeats that {@link ColumnEncoder} would give the dictionary up after the first page (five-digit
 * postal codes). It would otherwise hash every such value into a dictionary until it outgrows the
 * dictionary page or proves useless, then re-encode the page plainly. Columns whose dictionary pays
 * off keep it.
 */
final class DictionaryAdvisor {

    /** Fewer non-null values than this say too little: keep the dictionary. */
    static final int MIN_VALUES = 200;

    private DictionaryAdvisor() {}

    /** Dot paths (as Parquet's column paths print) of the leaf columns to write without a dictionary. */
    static Set<String> plainColumns(ParquetSchema schema, List<? extends JsonNode> sample) {
        if (schema.wholeRecord() || sample.size() < MIN_VALUES) {
            return Set.of();
        }
        Map<String, Values> leaves = new HashMap<>();
        for (JsonNode record : sample) {
            collectFields(schema.root(), "", record, leaves);
        }
        Set<String> plain = new HashSet<>();
        leaves.forEach((path, values) -> {
            if (values.count >= MIN_VALUES && values.dictionaryUseless()) {
                plain.add(path);
            }
        });
        return plain;
    }

    /** Parquet's default rows per page: its dictionary check happens when the first page is written. */
    static final int FIRST_PAGE_ROWS = 20_000;

    /** Distinct values of one leaf and their sizes as Parquet counts them. */
    private static final class Values {
        final Set<JsonNode> seen = new HashSet<>();
        int count;
        long bytes;

        void add(JsonNode value) {
            count++;
            seen.add(value);
            // Parquet's raw size: 4 length bytes + the text for binaries, 8 bytes for numbers
            bytes += value.isTextual() ? 4 + value.textValue().length() : value.isNumber() ? 8 : 4 + value.toString().length();
        }

        /**
         * True when all values were distinct, or when Parquet's own test after the first page
         * (dictionary + dictionary ids >= plain size) would fail for a column like the sample:
         * the number of distinct values is estimated from the repeats seen (birthday bound).
         */
        boolean dictionaryUseless() {
            int repeats = count - seen.size();
            if (repeats == 0) {
                return true;
            }
            double distinct = (double) count * count / (2.0 * repeats);
            double pageDistinct = distinct * (1 - Math.exp(-FIRST_PAGE_ROWS / distinct));
            double average = (double) bytes / count;
            int idBits = 64 - Long.numberOfLeadingZeros(Math.max(1, (long) pageDistinct - 1));
            double dictionary = pageDistinct * average;
            double ids = FIRST_PAGE_ROWS * idBits / 8.0;
            return dictionary + ids >= FIRST_PAGE_ROWS * average;
        }
    }

    private static void collectFields(Column.Group group, String prefix, JsonNode value, Map<String, Values> leaves) {
        for (Column field : group.fields()) {
            JsonNode v = value.get(field.name());
            if (v != null && !v.isNull()) {
                collect(field, prefix + field.name(), v, leaves);
            }
        }
    }

    private static void collect(Column column, String path, JsonNode value, Map<String, Values> leaves) {
        if (column.name().indexOf('.') >= 0) {
            return; // a dot path cannot tell such a name from nesting: keep the dictionary
        }
        if (column instanceof Column.Leaf) {
            leaves.computeIfAbsent(path, p -> new Values()).add(value);
        } else if (column instanceof Column.Group group && value.isObject()) {
            collectFields(group, path + ".", value, leaves);
        } else if (column instanceof Column.ListColumn list && value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isNull()) {
                    collect(list.element(), path + "." + Column.ListColumn.LIST + "." + list.element().name(), item, leaves);
                }
            }
        }
    }
}
