package io.solidafy.cdk.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.ops.Platform;
import io.solidafy.cdk.runtime.ops.Resolution;
import io.solidafy.cdk.runtime.ops.Session;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.runtime.server.HttpServer;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@code serve}: starts the HTTP server, prints where it listens as one LOG line on stdout, and runs
 * until stopped. SIGTERM (or Ctrl-C) stops it gracefully and the process exits 0.
 */
final class ServeAdapter {

    private ServeAdapter() {}

    static int serve(CliOptions.Parsed command, ObjectMapper mapper, ProtocolWriter protocol, PrintStream stderr,
            Map<String, String> environment) {
        if (!httpServerPresent()) {
            throw new ConnectorException("serve needs the HTTP server's libraries (Jetty, Micrometer), which are not on the module path: "
                    + "start it with the solidafy-cdk launcher, which adds them from lib/server, and reinstall if that folder is missing.");
        }
        ServerOptions options = command.serverOptions(environment);
        options.connectorsDir().filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
            throw new ConnectorException("Connectors directory " + d + " does not exist.");
        });
        options.outputRoot().filter(d -> !Files.isDirectory(d)).ifPresent(d -> {
            throw new ConnectorException("Output root " + d + " does not exist; create it first.");
        });
        Platform platform = Platform.load(PluginsDir.resolve(command.pluginsDir(), environment),
                Resolution.namesOnly(options.connectorsDir()), message -> stderr.println("warning: " + message)).preload();
        HttpServer server = new HttpServer(options, platform, mapper, Session.parseLevel(command.logLevel()), stderr);
        try {
            server.start();
        } catch (Exception e) {
            throw new ConnectorException("The server cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage() + ".");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stderr.flush();
            Runtime.getRuntime().halt(0); // a graceful stop on SIGTERM is a success, not the JVM's 143
        }, "solidafy-shutdown"));
        protocol.log(LogLevel.INFO, "solidafy-cdk server listening on " + server.address()
                + (options.authToken().isPresent() ? " (bearer token required)" : ""));
        protocol.flush();
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Whether Jetty can be loaded: the launchers put it on the module path for {@code serve} only. */
    private static boolean httpServerPresent() {
        try {
            Class.forName("org.eclipse.jetty.server.Server", false, ServeAdapter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
