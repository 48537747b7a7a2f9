package io.solidafy.cdk.declarative.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A WireMock server per test class, reset before each test, and a CLI with an empty plugins directory. */
public abstract class WireMockSupport {

    protected static WireMockServer server;

    @TempDir
    protected Path dir;

    protected Cli cli;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        server.resetAll();
        Path plugins = dir.resolve("plugins");
        java.nio.file.Files.createDirectories(plugins);
        cli = new Cli(plugins);
    }

    protected String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Writes a connector whose text may use BASE for the server URL. */
    protected Path connector(String yaml) {
        return Cli.yaml(dir, "connector.yaml", yaml.replace("BASE", base()));
    }

    /** {@code read} of a connector file with a config. */
    protected CliRun read(Path connector, String config, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("read", "--connector", connector.toString(), "--config-json", config));
        args.addAll(java.util.List.of(more));
        return cli.run(args.toArray(String[]::new));
    }
}
