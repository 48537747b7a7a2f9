package io.solidafy.examples.hmac;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.InProcessCli;
import io.solidafy.cdk.testkit.RecordedApi;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code signed-exchange.yaml} with this plugin's {@code hmac} auth type against an API that answers
 * only requests whose signature it recomputes itself (else 401), through the acceptance suite.
 */
class SignedExchangeTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi EXCHANGE = RecordedApi.empty();

    private static final String CONNECTOR = "signed-exchange.yaml";
    private static final String KEY = "ak_live_7f3c9e";
    private static final String SECRET = "sk_9b1d0c6e2f4a48b7a3e5d1c0f9e8b7a6";

    /** Accepts a request only when its X-Signature is HMAC-SHA256(SECRET, timestamp + method + path?query). */
    private static MatchResult signedWithTheSecret(Request request) {
        String timestamp = request.getHeader("X-Timestamp");
        String signature = request.getHeader("X-Signature");
        return MatchResult.of(KEY.equals(request.getHeader("X-Api-Key")) && timestamp != null
                && expectedSignature(timestamp + request.getMethod().value() + request.getUrl()).equals(signature));
    }

    private static String expectedSignature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode fill(String id, String createdAt, String price) {
        ObjectNode fill = JsonNodeFactory.instance.objectNode();
        fill.put("trade_id", id).put("order_id", "ord_" + id).put("product_id", "BTC-USD").put("side", "buy")
                .put("price", price).put("size", "0.0100").put("fee", "0.0600").put("created_at", createdAt);
        return fill;
    }

    private static String page(String nextCursor, ObjectNode... fills) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("fills").addAll(List.of(fills));
        if (nextCursor == null) {
            body.putNull("next_cursor");
        } else {
            body.put("next_cursor", nextCursor);
        }
        return body.toString();
    }

    private static void stub(MappingBuilder request, String body) {
        EXCHANGE.server().stubFor(request.andMatching(SignedExchangeTest::signedWithTheSecret).atPriority(1).willReturn(okJson(body)));
    }

    @BeforeAll
    static void playTheApi() {
        EXCHANGE.server().stubFor(any(anyUrl()).atPriority(9)
                .willReturn(unauthorized().withHeader("Content-Type", "application/json").withBody("{\"message\":\"invalid signature\"}")));
        stub(get(urlPathEqualTo("/v1/account")), "{\"account_id\":\"acct_01\",\"status\":\"active\"}");
        stub(get(urlPathEqualTo("/v1/fills")).withQueryParam("cursor", absent()).withQueryParam("start_time", absent()),
                page("c_2", fill("t_1001", "2026-11-30T09:00:01Z", "91250.10"), fill("t_1002", "2026-11-30T09:05:12Z", "91262.00")));
        stub(get(urlPathEqualTo("/v1/fills")).withQueryParam("cursor", equalTo("c_2")).withQueryParam("start_time", absent()),
                page(null, fill("t_1003", "2026-11-30T09:17:40Z", "91190.55")));
        // the API's own filter: fills at or after start_time
        stub(get(urlPathEqualTo("/v1/fills")).withQueryParam("start_time", equalTo("2026-11-30T09:17:40Z")),
                page(null, fill("t_1003", "2026-11-30T09:17:40Z", "91190.55"), fill("t_1004", "2026-11-30T10:02:03Z", "91301.25")));
    }

    private static ObjectNode config(String key, String secret) {
        return JsonNodeFactory.instance.objectNode().put("api_key", key).put("api_secret", secret).put("base_url", EXCHANGE.baseUrl());
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of(CONNECTOR, config(KEY, SECRET)).withBadCredentials(config(KEY, "sk_revoked_0000000000000000"));
    }

    @Test
    void everyPageIsSignedWithItsOwnQuery() {
        CommandResult result = InProcessCli.create().read(CONNECTOR, config(KEY, SECRET)).assertSucceeded();

        assertEquals(List.of("t_1001", "t_1002", "t_1003"), result.records("fills").stream().map(f -> f.path("trade_id").asText()).toList());
        List<LoggedRequest> requests = EXCHANGE.requests();
        assertEquals(2, requests.size());
        assertTrue(requests.get(1).getUrl().contains("cursor=c_2"), requests.get(1).getUrl());
        for (LoggedRequest request : requests) {
            assertTrue(signedWithTheSecret(request).isExactMatch(), () -> request.getUrl() + " " + request.getHeaders());
            assertFalse(request.getHeaders().toString().contains(SECRET), "the secret itself never travels");
        }
        assertEquals(List.of(), EXCHANGE.unmatched());
    }

    @Test
    void aWrongSecretFailsTheStreamWithoutPrintingIt() {
        String wrong = "sk_wrong_1111111111111111111111";
        CommandResult result = InProcessCli.create().read(CONNECTOR, config(KEY, wrong));

        assertEquals("FAILED", result.summary().path("status").asText(), result::toString);
        assertTrue(result.summary().path("streams").get(0).path("error").asText().contains("401"), result::toString);
        assertFalse(result.everything().contains(wrong), result::toString);
    }
}
