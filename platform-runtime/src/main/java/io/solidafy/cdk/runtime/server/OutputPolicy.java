package io.solidafy.cdk.runtime.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a {@code /sync} may write: any cloud URL, but a local directory only inside
 * {@code --output-root} (relative paths resolve against it), so a request cannot write anywhere the
 * server's user can.
 */
final class OutputPolicy {

    private static final Pattern URL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    private final Optional<Path> root;

    OutputPolicy(Optional<Path> root) {
        this.root = root;
    }

    /** The output to hand to the sync: the URL as given, or the absolute local directory. */
    String resolve(String output) {
        var url = URL.matcher(output);
        if (url.matches() && !url.group(1).equalsIgnoreCase("file")) {
            return output;
        }
        if (root.isEmpty()) {
            throw new ApiException(400, "Field 'output' names a local directory, but this server writes local files only when"
                    + " started with --output-root DIR; use an s3://, r2://, gs:// or az:// URL.");
        }
        String path = url.matches() ? output.substring(output.indexOf("://") + 3) : output;
        Path resolved;
        try {
            resolved = root.get().resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ApiException(400, "Field 'output' is not a valid path.");
        }
        if (!resolved.startsWith(root.get())) {
            throw new ApiException(400, "Field 'output' must be a directory inside the server's output root (--output-root);"
                    + " give a path relative to it.");
        }
        return resolved.toString();
    }
}
