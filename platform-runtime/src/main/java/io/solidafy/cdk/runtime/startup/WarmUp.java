package io.solidafy.cdk.runtime.startup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Initializes, on a second core, the classes nearly every command needs soon (Jackson's are the
 * costliest: its default date format builds a calendar from the locale data), while the main thread
 * parses the command line. Nothing is shared but class initialization, which the JVM makes
 * thread-safe: the main thread waits for a class only if it gets there first.
 */
public final class WarmUp {

    private WarmUp() {}

    /** Starts the warm-up unless {@code args} only ask for the version or the usage. */
    public static void start(String[] args) {
        if (args.length == 0 || List.of(args).contains("--version") || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            return;
        }
        Thread thread = new Thread(WarmUp::run, "solidafy-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            mapper.writeValueAsString(mapper.readTree("{\"warm\":[1,\"up\",true,null,{}]}"));
        } catch (IOException | RuntimeException e) {
            // only speed was at stake
        }
    }
}
