package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --sink-option}s reach the file, and bad ones are refused with one sentence. */
class OptionsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"zstd,ZSTD", "snappy,SNAPPY", "none,UNCOMPRESSED"})
    void compressionIsApplied(String option, String codec) throws Exception {
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"count\":50000}", "-f", "parquet",
                "-o", tmp.resolve("out").toString(), "--sink-option", "compression=" + option, "--sink-option", "row_group_size=64k",
                "--sink-option", "page_size=8k");
        assertEquals(0, result.exitCode(), result.stderr());
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            assertEquals(codec, duck.single("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"));
            assertEquals("50000", duck.single("SELECT count(*) FROM read_parquet('" + file + "')"));
            assertTrue(Integer.parseInt(duck.single("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')")) > 1,
                    "a small row_group_size bounds the buffered rows");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compression=lz4|--sink-option compression=lz4 is not supported; use zstd, snappy or none.",
        "row_group_size=big|--sink-option row_group_size=big must be a size in bytes",
        "colour=blue|Unknown --sink-option 'colour' for --format parquet; use one of compression,"})
    void badOptionsAreRefusedWithOneSentence(String option, String message) {
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"count\":1}", "-f", "parquet",
                "-o", tmp.resolve("out").toString(), "--sink-option", option);
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().startsWith(message), result.stderr());
        assertEquals(1, result.stderr().strip().lines().count(), result.stderr());
        assertEquals("FAILED", result.summary().get("status").asText());
    }
}
