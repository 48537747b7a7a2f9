package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import io.solidafy.cdk.spi.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Shreds a Jackson record into leaf values with repetition and definition levels (Dremel), the
 * form the column encoders take, checking that it fits the part's schema as it goes. A record that
 * carries its JSON text ({@link JsonText}) is shredded from the text when {@link TextShredder}
 * takes it, without walking (or, for lazy records, building) its tree.
 *
 * <p>Why not Parquet's record layer: MessageColumnIO computes the same levels from a stream of
 * start/end field and group calls, tracking which fields were written to fill in nulls; knowing the
 * schema, we write the nulls of absent fields directly. Every column is optional; a list is the
 * three-level {@code optional group (LIST) { repeated group list { optional element } }}.
 *
 * <p>This runs on the source's thread, the critical path of a sync: node kinds are told apart with
 * {@code instanceof} (Jackson's {@code isNull()}, {@code isTextual()}, ... are megamorphic virtual
 * calls), and fields in schema order are written as they come, without sorting them into slots.
 */
public final class Shredder {

    sealed interface Node permits LeafNode, GroupNode, ListNode {}

    /** {@code column}: the leaf's index among the schema's leaf columns (depth first). */
    record LeafNode(Column.Leaf leaf, int column) implements Node {}

    /**
     * {@code names} also as UTF-8 ({@code utf8Names}, for records given as text); {@code first},
     * {@code count}: the leaf columns below, which take the nulls of an absent value.
     */
    record GroupNode(Column.Group group, String[] names, byte[][] utf8Names, Node[] fields, int first, int count) implements Node {}

    record ListNode(Node element, int first, int count) implements Node {}

    private final boolean wholeRecord;
    private final GroupNode root;
    private final TextShredder text;

    /** @param wholeRecord true when the only column holds whole records as JSON text */
    Shredder(Column.Group root, boolean wholeRecord) {
        this.wholeRecord = wholeRecord;
        this.root = (GroupNode) build(root, new int[1]);
        this.text = new TextShredder(this.root);
    }

    private static Node build(Column column, int[] next) {
        int first = next[0];
        if (column instanceof Column.Leaf leaf) {
            return new LeafNode(leaf, next[0]++);
        }
        if (column instanceof Column.Group group) {
            List<Column> fields = group.fields();
            Node[] nodes = new Node[fields.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = build(fields.get(i), next);
            }
            String[] names = fields.stream().map(Column::name).toArray(String[]::new);
            byte[][] utf8Names = fields.stream().map(f -> f.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            return new GroupNode(group, names, utf8Names, nodes, first, next[0] - first);
        }
        Node element = build(((Column.ListColumn) column).element(), next);
        return new ListNode(element, first, next[0] - first);
    }

    /**
     * Records {@code record} onto {@code tape} if it fits the schema; otherwise returns false,
     * leaving a partial record that the caller must {@link LeafTape#abandon()}. Whole records are
     * written as they are: the caller checks them.
     */
    public boolean tryShred(JsonNode record, LeafTape tape) {
        if (wholeRecord) {
            tape.addString(0, 0, 1, record.toString());
            return true;
        }
        if (record instanceof JsonText source) {
            byte[] json = source.jsonText();
            long mark = tape.mark();
            if (json != null && tryShredText(json, tape)) {
                return true;
            }
            tape.rewind(mark); // text the fast path does not take: the tree decides
        }
        return record instanceof ObjectNode object && fields(root, object, 0, 0, 0, tape);
    }

    /** The fast path for records given as text ({@link TextShredder}); false leaves a partial record to rewind. */
    boolean tryShredText(byte[] json, LeafTape tape) {
        return !wholeRecord && text.tryShred(json, tape);
    }

    /** The fields of a defined group at definition level {@code d}. */
    private static boolean fields(GroupNode node, ObjectNode value, int r, int d, int rep, LeafTape tape) {
        String[] names = node.names();
        Node[] fields = node.fields();
        long start = tape.mark();
        int next = 0;
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            int position;
            if (next < names.length && names[next].equals(key)) {
                position = next;
            } else {
                Integer found = node.group().positions().get(key);
                position = found == null ? -1 : found;
            }
            JsonNode v = e.getValue();
            if (position < 0) {
                if (!(v instanceof NullNode)) {
                    return false; // a field this part has no column for
                }
                continue;
            }
            if (position < next) {
                tape.rewind(start);
                return slotted(node, value, r, d, rep, tape);
            }
            for (int i = next; i < position; i++) {
                nulls(fields[i], r, d, tape);
            }
            if (v instanceof NullNode) {
                nulls(fields[position], r, d, tape);
            } else if (!shred(fields[position], v, r, d, rep, tape)) {
                return false;
            }
            next = position + 1;
        }
        for (int i = next; i < fields.length; i++) {
            nulls(fields[i], r, d, tape);
        }
        return true;
    }

    /** {@link #fields} for records that list their fields out of schema order. */
    private static boolean slotted(GroupNode node, ObjectNode value, int r, int d, int rep, LeafTape tape) {
        List<Column> columns = node.group().fields();
        Map<String, Integer> positions = node.group().positions();
        JsonNode[] slots = new JsonNode[columns.size()];
        int guess = 0;
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            int position;
            // Records of one source nearly always list their fields in schema order: try the next column first.
            if (guess < slots.length && columns.get(guess).name().equals(key)) {
                position = guess;
            } else {
                Integer found = positions.get(key);
                position = found == null ? -1 : found;
            }
            guess = position + 1;
            if (position >= 0) {
                slots[position] = e.getValue();
            } else if (!(e.getValue() instanceof NullNode)) {
                return false; // a field this part has no column for
            }
        }
        Node[] fields = node.fields();
        for (int i = 0; i < slots.length; i++) {
            JsonNode v = slots[i];
            if (v == null || v instanceof NullNode) {
                nulls(fields[i], r, d, tape);
            } else if (!shred(fields[i], v, r, d, rep, tape)) {
                return false;
            }
        }
        return true;
    }

    /** A non-null value of an optional node whose parent is defined at level {@code d}. */
    private static boolean shred(Node node, JsonNode value, int r, int d, int rep, LeafTape tape) {
        if (node instanceof LeafNode leaf) {
            return leaf(leaf, value, r, d + 1, tape);
        }
        if (node instanceof GroupNode group) {
            return value instanceof ObjectNode object && fields(group, object, r, d + 1, rep, tape);
        }
        ListNode list = (ListNode) node;
        if (!(value instanceof ArrayNode)) {
            return false;
        }
        if (value.isEmpty()) {
            nulls(list, r, d + 1, tape); // the list is defined, its repeated group is not
            return true;
        }
        int itemR = r;
        for (JsonNode item : value) {
            // the repeated group sits at d + 2; the optional element below it
            if (item == null || item instanceof NullNode) {
                nulls(list.element(), itemR, d + 2, tape);
            } else if (!shred(list.element(), item, itemR, d + 2, rep + 1, tape)) {
                return false;
            }
            itemR = rep + 1;
        }
        return true;
    }

    private static boolean leaf(LeafNode node, JsonNode value, int r, int d, LeafTape tape) {
        Column.Leaf leaf = node.leaf();
        int c = node.column();
        switch (leaf.kind()) {
            case STRING -> {
                if (!(value instanceof TextNode text)) {
                    return false;
                }
                tape.addString(c, r, d, text.textValue());
            }
            case LONG -> {
                if (!(value instanceof IntNode || value instanceof LongNode) && !leaf.fits(value)) {
                    return false;
                }
                tape.addLong(c, r, d, value.longValue());
            }
            case DOUBLE -> {
                // decimals (amounts from sources that keep them exact) without the general check's virtual calls
                boolean fits = value instanceof DoubleNode
                        || (value instanceof DecimalNode decimal ? TypeMerger.fitsDouble(decimal.decimalValue()) : leaf.fits(value));
                if (!fits) {
                    return false;
                }
                tape.addDouble(c, r, d, value.doubleValue());
            }
            case BOOLEAN -> {
                if (!(value instanceof BooleanNode)) {
                    return false;
                }
                tape.addBoolean(c, r, d, value.booleanValue());
            }
            case TEXT -> tape.addString(c, r, d, value instanceof TextNode text ? text.textValue() : value.toString());
            case JSON -> tape.addString(c, r, d, value.toString());
            default -> throw new IllegalStateException("unknown leaf kind " + leaf.kind());
        }
        return true;
    }

    /** Nulls for every leaf below an undefined node. */
    static void nulls(Node node, int r, int d, LeafTape tape) {
        if (node instanceof LeafNode leaf) {
            tape.addNull(leaf.column(), r, d);
            return;
        }
        int first = node instanceof GroupNode g ? g.first() : ((ListNode) node).first();
        int count = node instanceof GroupNode g ? g.count() : ((ListNode) node).count();
        for (int c = first; c < first + count; c++) {
            tape.addNull(c, r, d);
        }
    }
}
