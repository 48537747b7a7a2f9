package io.solidafy.cdk.cloud.testing;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real CLI in a child JVM on this test's class path, with environment variables (credentials and
 * endpoints are read from the environment, which an in-process run cannot set). Only the plugins on
 * the class path load: sample, parquet and the storage under test. The child sees none of this
 * process's variables that {@code inherited} rejects (a developer's real credentials), only those the
 * test gives.
 */
public final class CliProcess {

    private final Predicate<String> inherited;

    /** @param inherited which of this process's environment variables the child keeps */
    public CliProcess(Predicate<String> inherited) {
        this.inherited = inherited;
    }

    public CliRun run(Map<String, String> environment, Path work, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "stdout", ".jsonl");
        int code = run(environment, work, out, args);
        return new CliRun(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(out.resolveSibling(out.getFileName() + ".err"), StandardCharsets.UTF_8));
    }

    /** Runs with stdout into {@code out} (for runs that print many records) and stderr beside it; returns the exit code. */
    public int run(Map<String, String> environment, Path work, Path out, String... args) throws IOException, InterruptedException {
        Path plugins = Files.createDirectories(work.resolve("no-plugins"));
        Path err = out.resolveSibling(out.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.solidafy.cdk.runtime.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--plugins-dir", plugins.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(inherited.negate());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not end within 5 minutes: " + String.join(" ", args));
        }
        return process.exitValue();
    }
}
