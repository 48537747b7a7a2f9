package io.solidafy.cdk.declarative.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.runtime.testing.ServerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The server with REST connectors against WireMock: definition files of --connectors-dir with
 * OAuth2 refresh-token, session-login and JWT auth in /check and /discover, and 20 concurrent /sync
 * calls of the built-in stripe connector, each answered with its own tenant's records.
 */
class ServerRestConnectorsTest extends WireMockSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path connectorsDir() throws Exception {
        Path connectors = Files.createDirectories(dir.resolve("connectors"));
        Cli.yaml(connectors, "oauthed.yaml", """
                name: oauthed
                base_url: BASE
                auth:
                  type: oauth2_refresh_token
                  token_url: BASE/token
                  client_id: "{{ config.client_id }}"
                  client_secret: "{{ config.client_secret }}"
                  refresh_token: "{{ config.refresh_token }}"
                streams:
                  - name: items
                    request:
                      path: /items
                """.replace("BASE", base()));
        Cli.yaml(connectors, "session.yaml", """
                name: session
                base_url: BASE
                auth:
                  type: session_token
                  login_url: BASE/login
                  body:
                    user: "{{ config.user }}"
                    pass: "{{ config.password }}"
                  token_path: session.id
                  header_name: X-Session
                streams:
                  - name: items
                    request:
                      path: /items
                """.replace("BASE", base()));
        Cli.yaml(connectors, "jwt-signed.yaml", """
                name: jwt-signed
                base_url: BASE
                auth:
                  type: jwt
                  secret: "{{ config.secret }}"
                  algorithm: HS256
                  claims:
                    iss: "{{ config.issuer }}"
                  lifetime_secs: 300
                streams:
                  - name: items
                    request:
                      path: /items
                """.replace("BASE", base()));
        return connectors;
    }

    @Test
    void oauthSessionAndJwtConnectorsOfTheConnectorsDirectoryInCheckAndDiscover() throws Exception {
        server.stubFor(post("/token").withRequestBody(containing("refresh_token=rt-secret-1")).willReturn(okJson("{\"access_token\":\"at-9\"}")));
        server.stubFor(post("/login").withRequestBody(equalToJson("{\"user\":\"bob\",\"pass\":\"pw-secret-2\"}"))
                .willReturn(okJson("{\"session\":{\"id\":\"sess-42\"}}")));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer at-9"))
                .willReturn(okJson("[{\"id\":1,\"name\":\"one\"}]")));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("X-Session", equalTo("sess-42"))
                .willReturn(okJson("[{\"id\":2,\"name\":\"two\"}]")));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (ServerRun api = ServerRun.start(ServerOptions.defaults().withPaths(Optional.of(connectorsDir()), Optional.empty()), plugins)) {
            List<String> names = new ArrayList<>();
            api.get("/connectors").data().get("connectors").forEach(c -> names.add(c.get("name").asText()));
            assertTrue(names.containsAll(List.of("stripe", "oauthed", "session")), names.toString());

            String oauth = "{\"connector\":\"oauthed\",\"config\":{\"client_id\":\"c\",\"client_secret\":\"cs-secret-0\",\"refresh_token\":\"rt-secret-1\"}}";
            ServerRun.Reply check = api.post("/check", oauth);
            assertEquals("SUCCEEDED", check.data().at("/connectionStatus/status").asText(), check.body());
            server.verify(postRequestedFor(urlEqualTo("/token")));
            JsonNode catalog = api.post("/discover", oauth.replace("}}", "},\"sample\":1}")).data();
            assertEquals("items", catalog.at("/catalog/streams/0/name").asText(), catalog.toString());

            String session = "{\"connector\":\"session\",\"config\":{\"user\":\"bob\",\"password\":\"pw-secret-2\"}}";
            assertEquals("SUCCEEDED", api.post("/check", session).data().at("/connectionStatus/status").asText());
            assertEquals("items", api.post("/discover", session).data().at("/catalog/streams/0/name").asText());
            server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("X-Session", equalTo("sess-42")));

            server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", matching("Bearer ey[^.]+\\.[^.]+\\.[^.]+"))
                    .willReturn(okJson("[{\"id\":3,\"name\":\"three\"}]")));
            String jwt = "{\"connector\":\"jwt-signed\",\"config\":{\"secret\":\"hmac-secret-4\",\"issuer\":\"me\"}}";
            assertEquals("SUCCEEDED", api.post("/check", jwt).data().at("/connectionStatus/status").asText());
            assertEquals("items", api.post("/discover", jwt).data().at("/catalog/streams/0/name").asText());

            server.stubFor(post("/login").willReturn(unauthorized().withBody("{\"error\":\"bad password\"}")));
            JsonNode failed = api.post("/check", session.replace("pw-secret-2", "pw-wrong-3")).data().get("connectionStatus");
            assertEquals("FAILED", failed.get("status").asText());
            assertFalse(failed.toString().contains("pw-wrong-3"), failed.toString());
            assertFalse(api.log().contains("rt-secret-1") || api.log().contains("pw-secret-2"), api.log());

            assertTrue(api.post("/check", "{\"connector\":\"../connectors/oauthed\",\"config\":{}}").error(404).startsWith("Unknown connector"));
        }
    }

    @Test
    void aCheckPastTheRequestTimeoutIsAnswered503() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")
                .withFixedDelay(4000)));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (ServerRun api = ServerRun.start(ServerOptions.defaults().withLimits(1 << 20, 2, 100, Duration.ofSeconds(1)), plugins)) {
            long started = System.nanoTime();
            String error = api.post("/check", "{\"connector\":\"stripe\",\"config\":{\"api_key\":\"sk_test_slow\",\"base_url\":\""
                    + base() + "/v1\"}}").error(503);
            assertTrue(error.contains("request timeout of 1 s"), error);
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "the answer waited for the API");
        }
    }

    @Test
    void twentyConcurrentSyncsOfTheStripeConnectorAreEachAnsweredWithTheirOwnRecords() throws Exception {
        int clients = 20;
        for (int t = 0; t < clients; t++) {
            StringBuilder data = new StringBuilder();
            for (int n = 1; n <= 3; n++) {
                data.append(n > 1 ? "," : "").append("{\"id\":\"cus_t").append(t).append('_').append(n)
                        .append("\",\"object\":\"customer\",\"created\":").append(1700000000 + n).append(",\"email\":\"c").append(n)
                        .append("@tenant").append(t).append(".example\"}");
            }
            server.stubFor(get(urlPathEqualTo("/v1/customers")).withHeader("Authorization", equalTo("Bearer sk_test_tenant" + t))
                    .willReturn(okJson("{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":false,\"data\":[" + data + "]}")
                            .withFixedDelay(200)));
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (ServerRun api = ServerRun.start(ServerOptions.defaults().withLimits(1 << 20, clients, 1000, Duration.ofMinutes(1)), plugins)) {
            List<String> bodies = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                bodies.add("{\"connector\":\"stripe\",\"config\":{\"api_key\":\"sk_test_tenant" + t + "\",\"base_url\":\"" + base()
                        + "/v1\"},\"streams\":[\"customers\"],\"format\":\"json\"}");
            }
            List<ServerRun.Reply> replies = api.postConcurrently("/sync", bodies);
            for (int t = 0; t < clients; t++) {
                ServerRun.Reply reply = replies.get(t);
                assertEquals(200, reply.status(), reply.body());
                JsonNode result = MAPPER.readTree(reply.body()).at("/data/result");
                assertEquals("SUCCEEDED", result.get("status").asText(), reply.body());
                assertEquals(3, result.get("total_records").asInt());
                for (JsonNode record : result.get("records")) {
                    assertTrue(record.at("/data/id").asText().startsWith("cus_t" + t + "_"), reply.body());
                }
                assertFalse(reply.body().contains("sk_test_tenant"), "the API key is echoed: " + reply.body());
            }
        }
    }
}
