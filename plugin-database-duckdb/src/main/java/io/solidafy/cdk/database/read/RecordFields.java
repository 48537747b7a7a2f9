package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an {@link EncodedRecord}: the row's JSON object text, from which a value's node is
 * made only when someone asks for it. Looking values up ({@code get}, {@code containsKey},
 * {@code size}) leaves the text authoritative; anything that could change the map or hand out
 * its entries (iteration, {@code put}, {@code remove}), or a lookup of a nested object or array
 * (which its caller could change), first builds an ordinary {@link LinkedHashMap} of every field
 * and from then on delegates to it, and the record is then written from that map.
 */
final class RecordFields implements Map<String, JsonNode> {

    private final RecordLayout layout;
    private final byte[] json;
    /** Where each column's value ends in {@code json}; it starts after the column's prefix. */
    private final int[] valueEnds;
    /** Nodes made so far, and those the column readers gave for values without a direct encoding. */
    private JsonNode[] nodes;
    private LinkedHashMap<String, JsonNode> tree;

    RecordFields(RecordLayout layout, byte[] json, int[] valueEnds, JsonNode[] nodes) {
        this.layout = layout;
        this.json = json;
        this.valueEnds = valueEnds;
        this.nodes = nodes;
    }

    /** The JSON object, while it still says what the map holds. */
    byte[] jsonWhileUnchanged() {
        return tree == null && layout.uniqueNames() ? json : null;
    }

    @Override
    public int size() {
        return tree != null ? tree.size() : layout.uniqueNames() ? layout.size() : tree().size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return tree != null ? tree.containsKey(key) : layout.indexOf(key) >= 0;
    }

    @Override
    public JsonNode get(Object key) {
        if (tree != null) {
            return tree.get(key);
        }
        int index = layout.indexOf(key);
        if (index < 0) {
            return null;
        }
        JsonNode node = node(index);
        return node.isContainerNode() ? tree().get(key) : node;
    }

    @Override
    public boolean containsValue(Object value) {
        return tree().containsValue(value);
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        return tree().put(key, value);
    }

    @Override
    public JsonNode remove(Object key) {
        return tree().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> map) {
        tree().putAll(map);
    }

    @Override
    public void clear() {
        tree().clear();
    }

    @Override
    public Set<String> keySet() {
        return tree().keySet();
    }

    @Override
    public Collection<JsonNode> values() {
        return tree().values();
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return tree().entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || tree().equals(other);
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return tree().toString();
    }

    private LinkedHashMap<String, JsonNode> tree() {
        if (tree == null) {
            LinkedHashMap<String, JsonNode> map = new LinkedHashMap<>((int) Math.ceil(layout.size() / 0.75) + 1);
            for (int i = 0; i < layout.size(); i++) {
                map.put(layout.name(i), node(i));
            }
            tree = map;
        }
        return tree;
    }

    private JsonNode node(int index) {
        if (nodes == null) {
            nodes = new JsonNode[layout.size()];
        }
        JsonNode node = nodes[index];
        if (node == null) {
            node = decode(index);
            nodes[index] = node;
        }
        return node;
    }

    /** The node the column's reader would have made, from its JSON text. */
    private JsonNode decode(int index) {
        int from = (index == 0 ? 1 : valueEnds[index - 1]) + layout.prefix(index).length;
        int to = valueEnds[index];
        switch (json[from]) {
            case 'n':
                return NullNode.instance;
            case 't':
                return BooleanNode.TRUE;
            case 'f':
                return BooleanNode.FALSE;
            case '"':
                return TextNode.valueOf(JsonStrings.unquote(json, from + 1, to - 1));
            default:
                String number = new String(json, from, to - from, StandardCharsets.ISO_8859_1);
                return switch (layout.kind(index)) {
                    case INTEGER -> LongNode.valueOf(Long.parseLong(number));
                    case DECIMAL -> DecimalNode.valueOf(new BigDecimal(number));
                    case FLOAT -> DoubleNode.valueOf(Double.parseDouble(number));
                    default -> throw new IllegalStateException("No number is encoded for " + layout.kind(index));
                };
        }
    }
}
