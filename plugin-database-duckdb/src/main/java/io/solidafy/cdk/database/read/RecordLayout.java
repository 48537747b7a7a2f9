package io.solidafy.cdk.database.read;

import io.solidafy.cdk.database.types.JsonBuffer;
import io.solidafy.cdk.database.types.ValueKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The columns of one read as the records need them: names, each name's JSON prefix encoded once
 * ({@code "name":}, after a comma for all but the first), and the kind that tells how a value's
 * JSON text becomes a node again.
 */
final class RecordLayout {

    private final String[] names;
    private final byte[][] prefixes;
    private final ValueKind[] kinds;
    private final Map<String, Integer> indexes;

    RecordLayout(String[] names, ValueKind[] kinds) {
        this.names = names.clone();
        this.kinds = kinds.clone();
        this.prefixes = new byte[names.length][];
        this.indexes = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            JsonBuffer prefix = new JsonBuffer(names[i].length() + 4);
            if (i > 0) {
                prefix.write((byte) ',');
            }
            prefix.quote(names[i]);
            prefix.write((byte) ':');
            prefixes[i] = prefix.copyFrom(0);
            indexes.put(names[i], i); // a repeated name keeps its last value, as in a map
        }
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    byte[] prefix(int index) {
        return prefixes[index];
    }

    ValueKind kind(int index) {
        return kinds[index];
    }

    /** The column called {@code name}, or -1. */
    int indexOf(Object name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    /** False when two columns share a name, so a record's map holds fewer entries than columns. */
    boolean uniqueNames() {
        return indexes.size() == names.length;
    }
}
