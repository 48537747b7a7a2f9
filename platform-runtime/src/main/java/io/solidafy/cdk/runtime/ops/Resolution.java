package io.solidafy.cdk.runtime.ops;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which connector references resolve: the CLI accepts any definition file path the user names;
 * the HTTP server only names, among the plugins' connectors and the files directly inside its
 * connectors directory, so a request can never point at a path.
 *
 * @param acceptsPaths  a reference may be the path of a definition file
 * @param connectorsDir definition files found by name ({@code <dir>/<name>.yaml} or {@code .yml})
 */
public record Resolution(boolean acceptsPaths, Optional<Path> connectorsDir) {

    /** A connector name: letters, digits, {@code _} and {@code -}; no dots, slashes or encodings. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    public Resolution {
        Objects.requireNonNull(connectorsDir, "connectorsDir");
    }

    /** Names, aliases and definition file paths. */
    public static Resolution namesAndPaths() {
        return new Resolution(true, Optional.empty());
    }

    /** Names and aliases only, plus the definition files directly inside {@code connectorsDir}. */
    public static Resolution namesOnly(Optional<Path> connectorsDir) {
        return new Resolution(false, connectorsDir.map(d -> d.toAbsolutePath().normalize()));
    }
}
