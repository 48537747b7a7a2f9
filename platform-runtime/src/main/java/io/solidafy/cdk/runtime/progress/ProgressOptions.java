package io.solidafy.cdk.runtime.progress;

import io.solidafy.cdk.runtime.ops.UsageException;
import java.util.List;
import java.util.Map;

/** {@code read}'s {@code --progress} option; without it, progress shows when stderr is a terminal. */
public final class ProgressOptions {

    private ProgressOptions() {}

    /**
     * The mode chosen by the {@code --progress} options given, in order ({@code ""} for a bare
     * {@code --progress}, else {@code log} or {@code off}): the last one wins. Without one, stderr
     * progress when the launcher found stderr to be a terminal ({@code SOLIDAFY_STDERR_TTY=1}: Java
     * cannot tell).
     */
    public static ProgressMode mode(List<String> given, Map<String, String> environment) {
        if (given.isEmpty()) {
            return "1".equals(environment.get("SOLIDAFY_STDERR_TTY")) ? ProgressMode.STDERR : ProgressMode.OFF;
        }
        String last = given.get(given.size() - 1);
        return switch (last) {
            case "" -> ProgressMode.STDERR;
            case "log" -> ProgressMode.LOG;
            case "off" -> ProgressMode.OFF;
            default -> throw new UsageException("--progress takes no value, =log or =off, not '" + last + "'.");
        };
    }
}
