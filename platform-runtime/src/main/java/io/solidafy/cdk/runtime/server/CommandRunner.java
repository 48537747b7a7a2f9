package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.ops.Platform;
import io.solidafy.cdk.runtime.ops.Session;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.spi.LogLevel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import io.solidafy.cdk.spi.sink.SinkFactory;

/** Opens one command's session on any output: the same plugins and resolver for every request. */
final class CommandRunner {

    private final ObjectMapper mapper;
    private final Platform platform;
    private final PrintStream diagnostics;
    private final LogLevel logLevel;

    CommandRunner(ObjectMapper mapper, Platform platform, PrintStream diagnostics, LogLevel logLevel) {
        this.mapper = mapper;
        this.platform = platform;
        this.diagnostics = diagnostics;
        this.logLevel = logLevel;
    }

    /** A session whose protocol messages go to {@code out}. */
    Session session(OutputStream out) {
        ProtocolWriter protocol = new ProtocolWriter(out, mapper, false, "The HTTP response"); // a failure means the client went away
        protocol.setMinimumLevel(logLevel);
        return new Session(mapper, protocol, diagnostics, platform);
    }

    /** Whether the sink of {@code format} writes files; empty for an unknown format. */
    Optional<Boolean> writesFiles(String format) {
        return platform.registry(null).sink(format).map(SinkFactory::writesFiles);
    }

    List<String> formats() {
        return platform.registry(null).formats().stream().filter(f -> !f.equals("pretty")).toList();
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
