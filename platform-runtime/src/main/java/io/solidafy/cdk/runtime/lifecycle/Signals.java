package io.solidafy.cdk.runtime.lifecycle;

import sun.misc.Signal;

/**
 * The JVM's signal hooks. {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's
 * supported way to handle a signal without also running shutdown hooks, which is what lets a sync
 * finish its summary on SIGTERM and still exit at once on a second signal.
 */
final class Signals {

    private Signals() {}

    static void install(Interruption interruption) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> interruption.interrupt(signal.getNumber()));
            } catch (IllegalArgumentException e) {
                // the JVM reserves this signal (e.g. -Xrs): it keeps its default behaviour
            }
        }
    }
}
