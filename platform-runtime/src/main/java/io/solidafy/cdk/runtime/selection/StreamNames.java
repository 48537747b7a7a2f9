package io.solidafy.cdk.runtime.selection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stream names of {@code --streams}: each value is a comma-separated list, in which {@code \,}
 * stands for a comma inside a name (a PostgreSQL table may be called {@code "a,b"}) and {@code \\}
 * for a backslash. Blank entries are ignored and a name given twice counts once, at its first place.
 */
public final class StreamNames {

    private StreamNames() {}

    /** The names in the order given. */
    public static List<String> parse(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == ',' || value.charAt(i + 1) == '\\')) {
                    name.append(value.charAt(++i));
                } else if (c == ',') {
                    add(names, name);
                    name.setLength(0);
                } else {
                    name.append(c);
                }
            }
            add(names, name);
        }
        return List.copyOf(names);
    }

    /** A name as it must be written in {@code --streams}. */
    public static String quote(String name) {
        return name.replace("\\", "\\\\").replace(",", "\\,");
    }

    private static void add(Set<String> names, StringBuilder name) {
        String trimmed = name.toString().trim();
        if (!trimmed.isEmpty()) {
            names.add(trimmed);
        }
    }
}
