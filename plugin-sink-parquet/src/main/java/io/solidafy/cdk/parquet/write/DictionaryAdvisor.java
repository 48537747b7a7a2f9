package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the columns not worth dictionary-encoding: those whose values were all distinct over the
 * records buffered for schema inference (ids, timestamps, e-mail addresses). Parquet would
 * otherwise hash every such value into a dictionary until it outgrows the dictionary page and
 * falls back to plain encoding anyway. Columns with any repeated value keep the dictionary.
 */
final class DictionaryAdvisor {

    /** Fewer non-null values than this say too little: keep the dictionary. */
    static final int MIN_VALUES = 200;

    private DictionaryAdvisor() {}

    /** Dot paths (as Parquet names columns) of the leaf columns to write without a dictionary. */
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
            if (!values.repeated && values.count >= MIN_VALUES) {
                plain.add(path);
            }
        });
        return plain;
    }

    /** Distinct values of one leaf, until the first repetition. */
    private static final class Values {
        final Set<JsonNode> seen = new HashSet<>();
        int count;
        boolean repeated;

        void add(JsonNode value) {
            if (!repeated) {
                count++;
                repeated = !seen.add(value);
                if (repeated) {
                    seen.clear();
                }
            }
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
            return; // Parquet's per-column settings take dot paths; such a name cannot be addressed
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
