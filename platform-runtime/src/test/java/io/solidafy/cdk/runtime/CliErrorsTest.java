package io.solidafy.cdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors a user can make: one sentence on stderr, exit 1 (2 for usage), no stack trace, no secret. */
class CliErrorsTest {

    @TempDir
    Path tmp;
    private String plugins;

    @BeforeEach
    void emptyPluginsDir() throws Exception {
        plugins = Files.createDirectories(tmp.resolve("plugins")).toString();
    }

    private static void assertOneSentence(CliRun run, String expectedPart) {
        assertEquals(1, run.exitCode(), run.stderr());
        String[] lines = run.stderr().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + run.stderr());
        assertTrue(lines[0].contains(expectedPart), lines[0]);
        assertFalse(run.stderr().contains("\tat "), "no stack trace");
        assertFalse(run.stdout().contains("\tat "), "no stack trace");
    }

    @Test
    void unknownConnector() {
        CliRun run = CliRun.exec("check", "-c", "nope", "--plugins-dir", plugins);
        assertOneSentence(run, "Unknown connector 'nope'. Available connectors: fixture");
    }

    @Test
    void missingConnectorFile() {
        CliRun run = CliRun.exec("spec", "-c", "./missing.yaml", "--plugins-dir", plugins);
        assertOneSentence(run, "Connector file ./missing.yaml does not exist.");
    }

    @Test
    void malformedConfigJson() {
        CliRun run = CliRun.exec("check", "-c", "fixture", "--config-json", "{api_key:", "--plugins-dir", plugins);
        assertOneSentence(run, "--config-json is not valid JSON");
    }

    @Test
    void missingRequiredField() {
        CliRun run = CliRun.exec("check", "-c", "fixture", "--config-json", "{}", "--plugins-dir", plugins);
        assertOneSentence(run, "Config for connector 'fixture' is missing required field 'api_key'");
    }

    @Test
    void wronglyTypedFieldDoesNotEchoSecrets() {
        CliRun run = CliRun.exec("check", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\",\"records\":\"many\"}",
                "--plugins-dir", plugins);
        assertOneSentence(run, "Config field 'records' of connector 'fixture' must be an integer, but is \"many\".");
    }

    @Test
    void unknownStreamStillEndsWithSummary() {
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\"}", "--streams", "ascending,nope",
                "--plugins-dir", plugins);
        assertOneSentence(run, "Unknown stream 'nope' for connector 'fixture'. Available streams: ascending, descending, broken.");
        JsonNode summary = run.summary();
        assertEquals("FAILED", summary.get("status").asText());
        assertTrue(summary.get("error").asText().startsWith("Unknown stream 'nope'"));
    }

    @Test
    void invalidStateFile() throws Exception {
        Path state = tmp.resolve("state.json");
        Files.writeString(state, "{not json");
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\"}", "--state", state.toString(),
                "--plugins-dir", plugins);
        assertOneSentence(run, "State file " + state.toAbsolutePath() + " is not valid JSON");
        assertEquals("{not json", Files.readString(state), "a bad state file is never overwritten");
    }

    @Test
    void unreadableStateFile() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("a-directory.json"));
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\"}", "--state", state.toString(),
                "--plugins-dir", plugins);
        assertOneSentence(run, "cannot be read");
    }

    @Test
    void malformedStateJson() {
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\"}", "--state-json", "[1]",
                "--plugins-dir", plugins);
        assertOneSentence(run, "--state-json must be a JSON object");
    }

    @Test
    void parquetWithoutOutput() {
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-abcdef\"}", "--format", "csv",
                "--plugins-dir", plugins);
        assertOneSentence(run, "Unknown output format 'csv'. Available formats: json, pretty");
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun unknownOption = CliRun.exec("read", "--bogus");
        assertEquals(2, unknownOption.exitCode());
        assertTrue(unknownOption.stderr().contains("--bogus"), unknownOption.stderr());
        assertEquals(2, CliRun.exec("frobnicate").exitCode());
        assertEquals(2, CliRun.exec().exitCode());
        assertEquals(2, CliRun.exec("read", "--config-json", "{}").exitCode(), "--connector is required");
        CliRun badNumber = CliRun.exec("read", "-c", "fixture", "--max-records", "ten");
        assertEquals(2, badNumber.exitCode());
        assertTrue(badNumber.stdout().isEmpty());
    }

    @Test
    void checkReportsFailureAsStatusWithoutTheKey() {
        CliRun run = CliRun.exec("check", "-c", "fixture-alias", "--config-json", "{\"api_key\":\"bad-key-987\"}", "--plugins-dir", plugins);
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode status = run.last().get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText());
        assertEquals("Connection failed: HTTP 401: key *** was rejected", status.get("message").asText());
        assertFalse(run.stdout().contains("bad-key-987"));
    }

    /** A stdout whose reader goes away after {@code bytes} bytes, as with {@code | head -c}. */
    private static java.io.OutputStream closedAfter(int bytes) {
        return new java.io.OutputStream() {
            private int written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > bytes) {
                    throw new java.io.IOException("Broken pipe");
                }
            }
        };
    }

    @Test
    void closedStdoutStopsTheSyncWithOneSentenceAndNoStateAhead() throws Exception {
        Path state = tmp.resolve("state.json");
        java.io.OutputStream closedAfterALine = closedAfter(100);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = io.solidafy.cdk.runtime.cli.Main.run(new String[] {"read", "-c", "fixture", "--config-json",
            "{\"api_key\":\"good-abcdef\",\"records\":2000}", "--streams", "ascending,descending", "--state", state.toString(),
            "--plugins-dir", plugins}, new java.io.BufferedOutputStream(closedAfterALine, 64),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
        assertEquals(1, code);
        String stderr = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("Standard output cannot be written (Broken pipe), so the sync stopped; state was saved only up to the records"
                + " already delivered.", stderr.strip(), stderr);
        assertFalse(Files.exists(state), "no checkpoint was delivered, so no state may be saved");
    }

    @Test
    void closedStdoutStopsOtherCommandsWithoutTalkingOfState() {
        java.io.OutputStream closedAfterALine = closedAfter(100);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = io.solidafy.cdk.runtime.cli.Main.run(new String[] {"spec", "-c", "fixture", "--plugins-dir", plugins},
                new java.io.BufferedOutputStream(closedAfterALine, 64), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of());
        assertEquals(1, code);
        assertEquals("Standard output cannot be written (Broken pipe), so the command stopped.",
                err.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
    }

    @Test
    void helpAndVersion() {
        CliRun version = CliRun.exec("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("solidafy-cdk "), version.stdout());
        CliRun help = CliRun.exec("read", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("-m, --max-records <n>"), help.stdout());
        assertTrue(help.stdout().contains("--progress[=log|off]"), help.stdout());
        CliRun overview = CliRun.exec("--help");
        assertEquals(0, overview.exitCode());
        for (String command : List.of("list", "check", "streams", "discover", "read", "validate", "spec", "serve", "export")) {
            assertTrue(overview.stdout().contains("\n  " + command + " "), command + " in " + overview.stdout());
        }
        assertEquals(help.stdout(), CliRun.exec("--help", "read").stdout(), "--help before a command is that command's help");
    }

    /** Each mistake on the command line gets one sentence naming it and where to read the usage, exit 2. */
    @Test
    void commandLineMistakesAreNamed() {
        Map<List<String>, String> mistakes = Map.of(
                List.of("frobnicate"), "Unknown command 'frobnicate'; the commands are list, check,",
                List.of("--bogus", "list"), "Unknown option '--bogus'. Run 'solidafy-cdk --help' for usage.",
                List.of("read", "--bogus"), "Unrecognized option: --bogus. Run 'solidafy-cdk read --help' for usage.",
                List.of("read", "-c"), "--connector needs a value. Run 'solidafy-cdk read --help' for usage.",
                List.of("check", "--config-json", "{}"), "--connector (-c) is required. Run 'solidafy-cdk check --help' for usage.",
                List.of("read", "-c", "fixture", "--max-records", "ten"), "--max-records takes a whole number of 0 or more, not 'ten'.",
                List.of("serve", "--port", "70000"), "--port takes a whole number from 0 to 65535, not '70000'.",
                List.of("read", "-c", "fixture", "customers"), "Unexpected argument 'customers'; every value follows its option.",
                List.of("read", "-c", "fixture", "--progress=loud"), "--progress takes no value, =log or =off, not 'loud'.",
                List.of("list", "--conn", "x"), "Unrecognized option: --conn.");
        mistakes.forEach((args, message) -> {
            CliRun run = CliRun.exec(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run.stderr());
            assertTrue(run.stdout().isEmpty(), args + ": nothing on stdout");
            assertEquals(1, run.stderr().strip().split("\n").length, args + ": one line: " + run.stderr());
            assertTrue(run.stderr().contains(message), args + ": " + run.stderr());
        });
    }
}
