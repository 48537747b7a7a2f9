package io.solidafy.cdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a user may hand over by mistake: one sentence naming the file, exit 1. */
class HostileFilesTest {

    @TempDir
    Path tmp;

    @Test
    void binaryConfigFileIsNamedAsNotText() throws Exception {
        Path config = tmp.resolve("config.bin");
        Files.write(config, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe});
        CliRun run = CliRun.exec("check", "-c", "fixture", "--config", config.toString(),
                "--plugins-dir", Files.createDirectories(tmp.resolve("plugins")).toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("Config file " + config + " is not UTF-8 text (is it a binary file?); give a JSON file.", run.stderr().strip());
        assertFalse(run.stderr().contains("Input length"), run.stderr());
    }

    @Test
    void binaryConfigFileOfAReadStillEndsWithASummary() throws Exception {
        Path config = tmp.resolve("config.bin");
        Files.write(config, new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xa0, (byte) 0xa1});
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config", config.toString(),
                "--plugins-dir", Files.createDirectories(tmp.resolve("plugins")).toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("FAILED", run.summary().get("status").asText());
        assertTrue(run.summary().get("error").asText().contains("is not UTF-8 text"), run.toString());
    }
}
