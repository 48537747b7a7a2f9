package io.solidafy.cdk.runtime.startup;

import io.solidafy.cdk.runtime.cli.Main;
import io.solidafy.cdk.runtime.lifecycle.Interruption;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launchers' class data sharing training run (not a user command): runs the everyday commands
 * once, output discarded, in a JVM started with {@code -XX:ArchiveClassesAtExit}, so that the archive
 * holds the classes those commands load. A command that fails (a plugin not installed) is no problem:
 * whatever it loaded is archived all the same.
 *
 * <p>That includes a small sync to Parquet, into a temporary folder deleted afterwards: the Parquet
 * writer loads some 1,400 classes of its own, and mapping them took about 0.2 s off every Parquet
 * sync's start (1.0-1.3 s for 100 records on a 2-core machine).
 */
public final class CdsTraining {

    private static final List<String[]> COMMANDS = List.of(
            new String[] {"list"},
            new String[] {"spec", "-c", "stripe"},
            new String[] {"check", "-c", "sample", "--config-json", "{}"},
            new String[] {"read", "-c", "sample", "--config-json", "{\"count\":10}", "--log-level", "INFO"},
            new String[] {"read", "-c", "sample", "--config-json", "{\"count\":1}", "--streams", "customers"});

    private CdsTraining() {}

    public static void main(String[] args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Interruption.onSignals(); // as every command's start does (signal handling classes and lambdas)
        for (String[] command : COMMANDS) {
            Main.run(command, OutputStream.nullOutputStream(), discard, System.getenv());
        }
        syncToParquet(discard);
    }

    /** The Parquet sync, into a temporary folder; skipped when none can be made (the archive is made all the same). */
    private static void syncToParquet(PrintStream discard) {
        Path folder;
        try {
            folder = Files.createTempDirectory("solidafy-cds-training");
        } catch (IOException e) {
            return;
        }
        try {
            Main.run(new String[] {"read", "-c", "sample", "--config-json", "{\"count\":100}", "--streams", "customers", "--format",
                    "parquet", "--output", folder.toString()}, OutputStream.nullOutputStream(), discard, System.getenv());
        } finally {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder: what is left of it does not matter to the archive
        }
    }
}
