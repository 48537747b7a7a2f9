package io.solidafy.cdk.runtime.startup;

import io.solidafy.cdk.runtime.cli.Main;
import io.solidafy.cdk.runtime.lifecycle.Interruption;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The launchers' class data sharing training run (not a user command): runs the everyday commands
 * once, output discarded, in a JVM started with {@code -XX:ArchiveClassesAtExit}, so that the archive
 * holds the classes those commands load. A command that fails (a plugin not installed) is no problem:
 * whatever it loaded is archived all the same.
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
    }
}
