package io.solidafy.cdk.runtime.lifecycle;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The JVM's signal hooks. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's
 * supported way to handle a signal without also running shutdown hooks, which is what lets a sync
 * finish its summary on SIGTERM and still exit at once on a second signal.
 */
final class Signals {

    private Signals() {}

    /** Routes SIGTERM and SIGINT to {@code interruption}; the returned action gives them back to the JVM. */
    static Runnable install(Interruption interruption) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> interruption.interrupt(s.getNumber()));
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal (e.g. -Xrs): it keeps its default behaviour
            }
        }
        return () -> restore.forEach(Runnable::run);
    }
}
