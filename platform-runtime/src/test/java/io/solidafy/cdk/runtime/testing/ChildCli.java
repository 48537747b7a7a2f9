package io.solidafy.cdk.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI ({@code io.solidafy.cdk.runtime.cli.Main}) in a child JVM on the calling module's test
 * class path, so it has the runtime and that module's plugins and fixtures, and can be signalled
 * and killed like any process. stdout and stderr go to files beside the run. Shared with the
 * plugin modules' tests through this module's test jar.
 */
public final class ChildCli {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code args} with logs in {@code dir} (named after {@code name}). */
    public static ChildCli start(Path dir, String name, List<String> args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, "io.solidafy.cdk.runtime.cli.Main"));
        command.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new ChildCli(process, out, err);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM (what {@code kill PID} and most schedulers send). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL ({@code kill -9}): no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public int waitFor(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    public String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits until stdout holds {@code text} (or the process ended); false on timeout. */
    public boolean awaitOutput(String text, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (out().contains(text)) {
                return true;
            }
            if (!alive()) {
                return out().contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits until stdout holds at least {@code bytes} bytes; false on timeout. */
    public boolean awaitBytes(long bytes, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && alive()) {
            if (Files.size(stdout) >= bytes) {
                return true;
            }
            Thread.sleep(10);
        }
        return Files.size(stdout) >= bytes;
    }
}
