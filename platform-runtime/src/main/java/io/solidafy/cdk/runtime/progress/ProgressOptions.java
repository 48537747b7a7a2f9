package io.solidafy.cdk.runtime.progress;

import com.beust.jcommander.Parameter;
import java.util.Map;

/** {@code read}'s progress options; without one, progress shows when stderr is a terminal. */
public final class ProgressOptions {

    @Parameter(names = "--progress", description = "Show progress on stderr even when it is not a terminal")
    boolean stderr;

    @Parameter(names = "--progress=log", description = "Report progress as periodic LOG messages instead (servers, pipelines)")
    boolean log;

    @Parameter(names = "--progress=off", description = "No progress, also on a terminal")
    boolean off;

    /**
     * The mode chosen: the last option wins over none; without one, stderr progress when the
     * launcher found stderr to be a terminal ({@code SOLIDAFY_STDERR_TTY=1}: Java cannot tell).
     */
    public ProgressMode mode(Map<String, String> environment) {
        if (off) {
            return ProgressMode.OFF;
        }
        if (log) {
            return ProgressMode.LOG;
        }
        if (stderr || "1".equals(environment.get("SOLIDAFY_STDERR_TTY"))) {
            return ProgressMode.STDERR;
        }
        return ProgressMode.OFF;
    }
}
