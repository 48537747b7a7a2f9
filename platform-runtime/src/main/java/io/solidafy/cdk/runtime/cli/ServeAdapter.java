package io.solidafy.cdk.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import java.io.PrintStream;
import java.util.Map;

/** {@code serve}: the command line's options turned into the HTTP server's. */
final class ServeAdapter {

    private ServeAdapter() {}

    static int serve(CliOptions.ServeCommand options, ObjectMapper mapper, ProtocolWriter protocol, PrintStream stderr,
            Map<String, String> environment) {
        stderr.println("The HTTP server is not yet available in this version; use the CLI commands meanwhile.");
        return 1;
    }
}
