package io.solidafy.cdk.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Names the real reason a plugin cannot load, in words that say what to fix. */
final class PluginProblems {

    private static final Pattern PROVIDER_NOT_FOUND = Pattern.compile("Provider (\\S+) not found");
    private static final String SPI_PACKAGE = "io.solidafy.cdk.spi.";

    private PluginProblems() {}

    /** Why {@code jar} cannot be read as a jar at all (empty, truncated, not a zip); empty when it can. */
    static Optional<String> unreadableJar(Path jar) {
        try {
            if (Files.size(jar) == 0) {
                return Optional.of(jar.getFileName() + " is empty (0 bytes)");
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.size() == 0 ? Optional.of(jar.getFileName() + " is a jar without any entry") : Optional.empty();
            }
        } catch (ZipException e) {
            return Optional.of(jar.getFileName() + " is not a valid jar (corrupt or truncated: " + e.getMessage() + ")");
        } catch (IOException e) {
            return Optional.of(jar.getFileName() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** One phrase for a failure while finding or instantiating a plugin's provider. */
    static String describe(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            Matcher notFound = PROVIDER_NOT_FOUND.matcher(String.valueOf(e.getMessage()));
            if (e instanceof ServiceConfigurationError && notFound.find()) {
                return "its META-INF/services/io.solidafy.cdk.spi.Plugin names class " + notFound.group(1)
                        + ", which none of its jars contains";
            }
            if (e instanceof ClassNotFoundException || e instanceof NoClassDefFoundError) {
                String missing = String.valueOf(e.getMessage()).replace('/', '.');
                if (missing.startsWith(SPI_PACKAGE)) {
                    return "it was built for a newer solidafy-cdk SPI than this runtime provides (it needs " + missing + ")";
                }
                return "it needs class " + missing + ", which none of its jars contains (a missing dependency jar?)";
            }
            if (e instanceof LinkageError && String.valueOf(e.getMessage()).replace('/', '.').contains(SPI_PACKAGE)) {
                return "it was built for a newer solidafy-cdk SPI than this runtime provides (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "its initialisation failed with " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
