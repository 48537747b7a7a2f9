package io.solidafy.cdk.database.catalog;

import io.solidafy.cdk.spi.ConnectorException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stream names of tables: the name parts (schema or database, then table) joined with {@code .}.
 * A part that contains {@code .} or starts with {@code "} is written in double quotes with its
 * quotes doubled, as SQL does, so schema {@code a.b} with table {@code c} is {@code "a.b".c} while
 * schema {@code a} with table {@code b.c} is {@code a."b.c"}. A name therefore reads back into its
 * parts in one way only (every table keeps a name of its own), and every other name is unchanged.
 */
public final class StreamNaming {

    private StreamNaming() {}

    /** The stream name of a table given by its name parts, outermost first. */
    public static String of(String... parts) {
        return Stream.of(parts).map(StreamNaming::part).collect(Collectors.joining("."));
    }

    /** The error for two tables under one name, which {@link #of} rules out unless a catalog breaks it. */
    public static ConnectorException clash(TableRef first, TableRef second) {
        return new ConnectorException("Tables " + describe(first) + " and " + describe(second) + " both map to stream '"
                + first.streamName() + "'; rename one of them.");
    }

    private static String part(String part) {
        return part.indexOf('.') < 0 && !part.startsWith("\"") ? part : '"' + part.replace("\"", "\"\"") + '"';
    }

    private static String describe(TableRef table) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {table.catalog(), table.schema()}) {
            if (part != null) {
                name.append('"').append(part.replace("\"", "\"\"")).append("\".");
            }
        }
        return name.append('"').append(table.name().replace("\"", "\"\"")).append('"').toString();
    }
}
