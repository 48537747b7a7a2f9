package io.solidafy.cdk.spi.source;

import java.util.Objects;

/**
 * One problem found in a connector definition file by {@link SourceFactory#validate}.
 *
 * @param path    where in the document, e.g. {@code streams[2].pagination.stop_condition}; empty
 *                for the whole file
 * @param line    1-based line number, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message one sentence saying what is wrong and, where possible, how to fix it
 */
public record DefinitionProblem(String path, int line, int column, String message) {

    public DefinitionProblem {
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: path: message}, the form {@code validate} prints. */
    public String describe(String file) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
