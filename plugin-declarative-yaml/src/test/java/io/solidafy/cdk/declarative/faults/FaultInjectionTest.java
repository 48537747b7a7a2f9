package io.solidafy.cdk.declarative.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault-injection suite: WireMock breaks page 2 of a three-page stream in every way a network
 * or an API can, first for a few attempts (the sync must recover: every record exactly once, a
 * warning naming the fault), then for good (the stream fails: page 1 exactly once, nothing of page
 * 2, the summary names the fault). In both, no STATE passes the data emitted before it. Backoffs
 * are short in the connector's http block, so the suite runs in seconds.
 */
class FaultInjectionTest extends WireMockSupport {

    private static final String HTTP = """
            timeout_secs: 1
            max_retries: 3
            retry_backoff_secs: 0.01
            max_retry_wait_secs: 0.05""";

    /** Name, the broken answer, how many times in a row it comes in the transient case, what the messages must say. */
    static Stream<Arguments> faults() {
        String page2 = Pages.body(2);
        return Stream.of(
                fault("connection reset before the response", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 1, "Connection reset"),
                fault("empty response", () -> aResponse().withFault(Fault.EMPTY_RESPONSE), 1, "failed to respond"),
                fault("malformed chunk mid-body", () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), 1, "chunk"),
                fault("random data then close", () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 1, "failed"),
                fault("chunked dribble past the deadline", () -> okJson(page2).withChunkedDribbleDelay(10, 3000), 1, "Timeout"),
                fault("truncated JSON body", () -> okJson(page2.substring(0, page2.length() / 2)), 1, "not valid JSON"),
                fault("429 storm with Retry-After", () -> aResponse().withStatus(429).withHeader("Retry-After", "1"), 3, "HTTP 429"),
                fault("503 storm with Retry-After", () -> aResponse().withStatus(503).withHeader("Retry-After", "2"), 3, "HTTP 503"));
    }

    private static Arguments fault(String name, Supplier<ResponseDefinitionBuilder> answer, int times, String named) {
        return Arguments.of(name, answer, times, named);
    }

    private void normalPages() {
        for (int page = 1; page <= Pages.PAGES + 1; page++) {
            server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo(Integer.toString(page)))
                    .willReturn(okJson(Pages.body(page))).atPriority(5));
        }
    }

    private CliRun read() {
        return read(connector(Pages.connector(HTTP)), "{}");
    }

    @ParameterizedTest(name = "{0}, then recovered")
    @MethodSource("faults")
    void aTransientFaultIsRetriedAndEveryRecordArrivesOnce(String name, Supplier<ResponseDefinitionBuilder> answer, int times, String named) {
        normalPages();
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "fault " + i;
            server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")).atPriority(1)
                    .inScenario("faults").whenScenarioStateIs(state).willSetStateTo(next).willReturn(answer.get()));
            state = next;
        }
        CliRun run = read();
        assertEquals("SUCCEEDED", run.summary().path("status").asText(), run::toString);
        Pages.assertExactlyOnce(run, Pages.PAGES);
        Pages.assertStateNeverPassesEmittedData(run);
        assertEquals(Pages.cursor(Pages.PAGES * Pages.PER_PAGE), run.state().at("/streams/items/cursor").asText());
        assertEquals(times, run.logs("WARN").stream().filter(m -> m.contains("page=2") && m.contains(named) && m.contains("retrying")).count(),
                run::toString);
        server.verify(times + 1, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")));
    }

    @ParameterizedTest(name = "{0}, for good")
    @MethodSource("faults")
    void aLastingFaultFailsTheStreamNamingItAndKeepsEarlierPagesOnce(String name, Supplier<ResponseDefinitionBuilder> answer, int times,
            String named) {
        normalPages();
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")).atPriority(1).willReturn(answer.get()));
        CliRun run = read();
        assertNotEquals("SUCCESS", run.summaryStream("items").path("status").asText(), run::toString);
        String error = run.summaryStream("items").path("error").asText();
        assertTrue(error.contains("page=2") && error.contains(named), () -> name + ": " + error);
        Pages.assertExactlyOnce(run, 1);
        Pages.assertStateNeverPassesEmittedData(run);
        server.verify(4, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")));
    }
}
