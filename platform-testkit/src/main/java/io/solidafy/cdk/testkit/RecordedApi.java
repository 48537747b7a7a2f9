package io.solidafy.cdk.testkit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP API played back from recorded pages: a WireMock server on a free local port, for a YAML
 * connector whose {@code base_url} is pointed at {@link #baseUrl()}.
 *
 * <p>The recordings are WireMock's own format: a folder with {@code mappings/*.json} (request
 * patterns and responses) and optionally {@code __files/} (response bodies), which is also what
 * WireMock's recorder writes. Register it on a static field; the server starts before the class's
 * tests, forgets the previous test's requests before each one (its stubs stay) and stops after the
 * last:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RecordedApi API = RecordedApi.fromClasspath("recorded/swapi");
 * }</pre>
 */
public final class RecordedApi implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final WireMockServer server;

    private RecordedApi(WireMockConfiguration configuration) {
        this.server = new WireMockServer(configuration.dynamicPort().bindAddress("127.0.0.1"));
    }

    /** Recordings in a class path folder (e.g. {@code src/test/resources/recorded/swapi}). */
    public static RecordedApi fromClasspath(String folder) {
        return new RecordedApi(options().usingFilesUnderClasspath(folder));
    }

    /** Recordings in a folder of the file system. */
    public static RecordedApi fromDirectory(Path folder) {
        return new RecordedApi(options().usingFilesUnderDirectory(folder.toString()));
    }

    /** No recordings: the test adds its stubs through {@link #server()}. */
    public static RecordedApi empty() {
        return new RecordedApi(options());
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        start();
        return server.baseUrl();
    }

    /** The WireMock server, for extra stubs and {@code verify(...)}. */
    public WireMockServer server() {
        start();
        return server;
    }

    /** Every request received since the current test began, oldest first. */
    public List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Requests that matched no recording; a connector asking for something unrecorded shows up here. */
    public List<LoggedRequest> unmatched() {
        return server.findAllUnmatchedRequests();
    }

    private synchronized void start() {
        if (!server.isRunning()) {
            server.start();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
        server.resetRequests();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }
}
