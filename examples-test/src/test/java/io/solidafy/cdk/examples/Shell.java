package io.solidafy.cdk.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line with {@code sh} in a folder, as a user would type it. */
final class Shell {

    /** What a command printed. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final Path directory;
    private final Map<String, String> environment;

    /**
     * @param cacheHome the commands' XDG cache folder, so the launcher's connector index goes there and
     *                  not to the user's home; the class data sharing archive is off (the distribution's
     *                  smoke test covers it), as its background training would outlive the test's folder
     */
    Shell(Path directory, LocalMavenRepository maven, Path cacheHome) {
        this.directory = directory;
        Map<String, String> env = new HashMap<>();
        env.put("MAVEN_OPTS", maven.mavenOpts());
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        env.put("SOLIDAFY_CDS", "off");
        String mavenHome = System.getProperty("solidafy.maven.home", "");
        if (!mavenHome.isEmpty()) {
            env.put("PATH", Path.of(mavenHome, "bin") + ":" + System.getenv("PATH"));
        }
        this.environment = Map.copyOf(env);
    }

    /** Runs a command line through {@code sh -c}. */
    Result run(String commandLine) throws IOException, InterruptedException {
        return exec(List.of("sh", "-c", commandLine));
    }

    /** Runs a program with exactly these arguments (no shell quoting involved). */
    Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("shell", ".out");
        Path err = Files.createTempFile("shell", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after 5 minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
