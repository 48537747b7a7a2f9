package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
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
        Probe[] fields = schema.root().fields().stream().map(field -> probe(field, field.name())).toArray(Probe[]::new);
        Probe root = new Probe(schema.root(), "", null, fields);
        for (JsonNode record : sample) {
            collect(root, record);
        }
        Set<String> plain = new HashSet<>();
        addPlain(root, plain);
        return plain;
    }

    /** Distinct values of one leaf and their PLAIN sizes. */
    private static final class Values {
        final Set<JsonNode> seen = new HashSet<>();
        int count;
        long bytes;

        void add(JsonNode value) {
            count++;
            seen.add(value);
            // the PLAIN size: 4 length bytes + the text for binaries, 8 bytes for numbers
            bytes += value.isTextual() ? 4 + value.textValue().length() : value.isNumber() ? 8 : 4 + value.toString().length();
        }

        /**
         * True when all values were distinct, or when the encoder's test after the first page
         * (dictionary + dictionary ids >= plain size) would fail for a column like the sample:
         * the number of distinct values is estimated from the repeats seen (birthday bound).
         */
        boolean dictionaryUseless() {
            int repeats = count - seen.size();
            if (repeats == 0) {
                return true;
            }
            double distinct = (double) count * count / (2.0 * repeats);
            double pageDistinct = distinct * (1 - Math.exp(-ColumnEncoder.PAGE_ROWS / distinct));
            double average = (double) bytes / count;
            int idBits = 64 - Long.numberOfLeadingZeros(Math.max(1, (long) pageDistinct - 1));
            double dictionary = pageDistinct * average;
            double ids = ColumnEncoder.PAGE_ROWS * idBits / 8.0;
            return dictionary + ids >= ColumnEncoder.PAGE_ROWS * average;
        }
    }

    /**
     * A column with the sample's values below it, the schema's column tree mirrored once with each
     * leaf's dot path, so that collecting walks records without building paths or looking them up.
     * {@code values} is null but for leaves; a column whose name holds a dot has neither values nor
     * children (a dot path cannot tell the name from nesting: its leaves keep their dictionaries).
     */
    private record Probe(Column column, String path, Values values, Probe[] children) {}

    private static Probe probe(Column column, String path) {
        if (column.name().indexOf('.') >= 0) {
            return new Probe(column, path, null, new Probe[0]); // a dot path cannot tell the name from nesting
        }
        if (column instanceof Column.Group group) {
            Probe[] children = group.fields().stream().map(field -> probe(field, path + "." + field.name())).toArray(Probe[]::new);
            return new Probe(column, path, null, children);
        }
        if (column instanceof Column.ListColumn list) {
            Column element = list.element();
            return new Probe(column, path, null, new Probe[] {probe(element, path + "." + Column.ListColumn.LIST + "." + element.name())});
        }
        return new Probe(column, path, new Values(), new Probe[0]);
    }

    private static void collect(Probe probe, JsonNode value) {
        if (probe.values() != null) {
            probe.values().add(value); // a leaf
        } else if (probe.column() instanceof Column.Group group && value.isObject() && probe.children().length > 0) {
            List<Column> fields = group.fields();
            for (int i = 0; i < fields.size(); i++) {
                JsonNode v = value.get(fields.get(i).name());
                if (v != null && !v.isNull()) {
                    collect(probe.children()[i], v);
                }
            }
        } else if (probe.column() instanceof Column.ListColumn && value.isArray() && probe.children().length > 0) {
            for (JsonNode item : value) {
                if (!item.isNull()) {
                    collect(probe.children()[0], item);
                }
            }
        }
    }

    private static void addPlain(Probe probe, Set<String> plain) {
        Values values = probe.values();
        if (values != null && values.count >= MIN_VALUES && values.dictionaryUseless()) {
            plain.add(probe.path());
        }
        for (Probe child : probe.children()) {
            addPlain(child, plain);
        }
    }
}
