package io.solidafy.cdk.runtime.lifecycle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What SIGTERM and SIGINT (Ctrl-C) do to a command. While a sync runs, the first signal asks it to
 * stop at its next record, so it can finish the current line, publish what it wrote, save state up
 * to the delivered records and print a CANCELLED summary; a second signal exits at once. Outside a
 * sync the first signal exits at once. The exit code is 128 plus the signal's number, as shells
 * report a process ended by that signal: 143 for SIGTERM, 130 for SIGINT.
 */
public final class Interruption {

    private final AtomicInteger signals = new AtomicInteger();
    private final IntConsumer exit;
    private final IntConsumer halt;
    private volatile int exitCode;
    private volatile Runnable handler;
    private volatile Runnable disarm = () -> {};

    /** An interruption that never comes (in-process runs). */
    public Interruption() {
        this(code -> {});
    }

    /**
     * An interruption that only {@link #interrupt} triggers.
     *
     * @param exitNow ends the process at once with the given exit code
     */
    public Interruption(IntConsumer exitNow) {
        this(exitNow, exitNow);
    }

    private Interruption(IntConsumer exit, IntConsumer halt) {
        this.exit = exit;
        this.halt = halt;
    }

    /**
     * An interruption triggered by this process's SIGTERM and SIGINT. Outside a sync the first signal
     * exits normally (shutdown hooks such as temporary-file cleanup run); a second one halts.
     */
    public static Interruption onSignals() {
        Interruption interruption = new Interruption(System::exit, Runtime.getRuntime()::halt);
        interruption.disarm = Signals.install(interruption);
        return interruption;
    }

    /**
     * Gives the signals back to the JVM's own handling (shutdown hooks), for a command that manages
     * its own shutdown, such as {@code serve}.
     */
    public void disarm() {
        disarm.run();
    }

    /**
     * From now on the first signal runs {@code stop} instead of exiting; if a signal came already,
     * runs it right away.
     */
    public void handleWith(Runnable stop) {
        handler = stop;
        if (requested()) {
            stop.run();
        }
    }

    /** Reacts to signal number {@code number} (15 for SIGTERM, 2 for SIGINT). */
    public void interrupt(int number) {
        int count = signals.incrementAndGet();
        if (count == 1) {
            exitCode = 128 + number;
        }
        Runnable stop = handler;
        if (count > 1) {
            halt.accept(exitCode);
        } else if (stop == null) {
            exit.accept(exitCode);
        } else {
            stop.run();
        }
    }

    /** True once a signal asked the command to stop. */
    public boolean requested() {
        return signals.get() > 0;
    }

    /** The first signal's name, e.g. {@code SIGTERM}. */
    public String signalName() {
        return switch (exitCode - 128) {
            case 15 -> "SIGTERM";
            case 2 -> "SIGINT";
            default -> "signal " + (exitCode - 128);
        };
    }

    /** The exit code of an interrupted command: 128 plus the first signal's number. */
    public int exitCode() {
        return exitCode;
    }
}
