package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Every built-in auth type against a real HTTP server. */
class AuthTest extends WireMockSupport {

    private Path withAuth(String auth) {
        return connector("""
                name: authed
                base_url: BASE
                auth:
                """ + auth.indent(2) + """
                streams:
                  - name: items
                    request:
                      path: /items
                """);
    }

    private void items() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"id\":1}]")));
    }

    private void assertRead(CliRun result) {
        assertEquals(1, result.records("items").size(), result.stderr() + result.stdout());
    }

    @Test
    void bearer() {
        items();
        assertRead(read(withAuth("type: bearer\ntoken: \"{{ config.api_key }}\"\n"), "{\"api_key\":\"sk_test_123\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer sk_test_123")));
    }

    @Test
    void apiKeyInHeaderWithPrefix() {
        items();
        assertRead(read(withAuth("type: api_key\nkey: Authorization\nvalue: \"{{ config.token }}\"\nprefix: \"Token \"\n"),
                "{\"token\":\"abc123\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Token abc123")));
    }

    @Test
    void apiKeyInQuery() {
        items();
        assertRead(read(withAuth("type: api_key\nkey: api_key\nvalue: \"{{ config.key }}\"\nlocation: query\n"), "{\"key\":\"qk-999\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withQueryParam("api_key", equalTo("qk-999")));
    }

    @Test
    void basic() {
        items();
        assertRead(read(withAuth("type: basic\nusername: \"{{ config.user }}\"\npassword: \"{{ config.password }}\"\n"),
                "{\"user\":\"ann\",\"password\":\"s3cret!\"}"));
        String expected = "Basic " + Base64.getEncoder().encodeToString("ann:s3cret!".getBytes(StandardCharsets.UTF_8));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo(expected)));
    }

    @Test
    void noneSendsNoAuthorization() {
        items();
        assertRead(read(withAuth("type: none\n"), "{}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withoutHeader("Authorization"));
    }

    @Test
    void clientCredentialsFetchesOnceAndRefreshesOnceAfter401() {
        server.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("client_id=cid"))
                .withRequestBody(containing("scope=read+write"))
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"expires_in\":3600}")).willSetStateTo("second"));
        server.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"tok-2\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer tok-2")).willReturn(okJson("[{\"id\":1}]")));
        Path file = withAuth("""
                type: oauth2_client_credentials
                token_url: BASE/oauth/token
                client_id: "{{ config.client_id }}"
                client_secret: "{{ config.client_secret }}"
                scopes: [read, write]
                """.replace("BASE", base()));
        assertRead(read(file, "{\"client_id\":\"cid\",\"client_secret\":\"csecret\"}"));
        server.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void refreshTokenGrant() {
        server.stubFor(post("/token").withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=rt-1")).willReturn(okJson("{\"access_token\":\"at-9\"}")));
        items();
        Path file = withAuth("""
                type: oauth2_refresh_token
                token_url: BASE/token
                client_id: "{{ config.client_id }}"
                client_secret: "{{ config.client_secret }}"
                refresh_token: "{{ config.refresh_token }}"
                """.replace("BASE", base()));
        assertRead(read(file, "{\"client_id\":\"c\",\"client_secret\":\"s\",\"refresh_token\":\"rt-1\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer at-9")));
    }

    @Test
    void sessionTokenWithCustomHeaderAndExpiry() {
        server.stubFor(post("/login").withRequestBody(equalToJson("{\"user\":\"bob\",\"pass\":\"pw\"}"))
                .willReturn(okJson("{\"session\":{\"id\":\"sess-42\",\"ttl\":600}}")));
        items();
        Path file = withAuth("""
                type: session_token
                login_url: BASE/login
                body:
                  user: "{{ config.user }}"
                  pass: "{{ config.password }}"
                token_path: session.id
                expires_in_path: session.ttl
                header_name: X-Session
                header_prefix: "S "
                """.replace("BASE", base()));
        assertRead(read(file, "{\"user\":\"bob\",\"password\":\"pw\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("X-Session", equalTo("S sess-42")));
        server.verify(1, postRequestedFor(urlEqualTo("/login")));
    }

    @Test
    void jwtSignedWithHmac() throws Exception {
        items();
        Path file = withAuth("""
                type: jwt
                secret: "{{ config.secret }}"
                algorithm: HS256
                claims:
                  iss: "{{ config.issuer }}"
                lifetime_secs: 300
                """);
        assertRead(read(file, "{\"secret\":\"hmac-secret-1\",\"issuer\":\"me\"}"));
        String header = server.getAllServeEvents().get(0).getRequest().getHeader("Authorization");
        assertTrue(header.startsWith("Bearer "), header);
        String[] parts = header.substring(7).split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"me\"") && claims.contains("\"exp\""), claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("hmac-secret-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, parts[2]);
    }

    @Test
    void selectiveUsesTheFirstOptionWhoseKeyIsSet() {
        items();
        Path file = withAuth("""
                type: selective
                options:
                  - when: access_token
                    auth:
                      type: bearer
                      token: "{{ config.access_token }}"
                  - when: api_key
                    auth:
                      type: api_key
                      key: X-Api-Key
                      value: "{{ config.api_key }}"
                """);
        assertRead(read(file, "{\"api_key\":\"k-77\"}"));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("X-Api-Key", equalTo("k-77")).withoutHeader("Authorization"));
    }

    @Test
    void rejectedCredentialsFailCheckWithoutLeakingTheSecret() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid key sk_live_SECRET99\"}")));
        Path file = withAuth("type: bearer\ntoken: \"{{ config.api_key }}\"\n");
        CliRun result = cli.run("check", "--connector", file.toString(), "--config-json", "{\"api_key\":\"sk_live_SECRET99\"}");
        assertEquals(0, result.exitCode(), result.stderr());
        List<com.fasterxml.jackson.databind.JsonNode> status = result.ofType("CONNECTION_STATUS");
        String message = status.get(0).path("connectionStatus").path("message").asText();
        assertEquals("FAILED", status.get(0).path("connectionStatus").path("status").asText());
        assertTrue(message.contains("401") && message.contains("GET " + base() + "/items"), message);
        assertFalse(result.stdout().contains("SECRET99"), result.stdout());
    }

    @Test
    void checkSucceedsOnTheCheckRequest() {
        server.stubFor(get(urlEqualTo("/me?verbose=1")).willReturn(okJson("{}")));
        Path file = connector("""
                name: checked
                base_url: BASE
                check:
                  path: /me
                  params:
                    verbose: 1
                streams:
                  - name: items
                    request:
                      path: /items
                """);
        CliRun result = cli.run("check", "--connector", file.toString(), "--config-json", "{}");
        assertEquals("SUCCEEDED", result.ofType("CONNECTION_STATUS").get(0).path("connectionStatus").path("status").asText(), result.stdout());
        server.verify(0, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void jwtSignedWithRsaAndExchangedForAnAccessToken() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        server.stubFor(post("/token").withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"))
                .willReturn(okJson("{\"access_token\":\"exchanged-1\",\"expires_in\":3600}")));
        items();
        Path file = withAuth("""
                type: jwt
                private_key: "{{ config.private_key }}"
                algorithm: RS256
                claims:
                  iss: svc@example.com
                  aud: BASE/token
                token_url: BASE/token
                """.replace("BASE", base()));
        String config = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("private_key", pem).toString();
        assertRead(read(file, config));
        server.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer exchanged-1")));
        String form = server.findAll(postRequestedFor(urlEqualTo("/token"))).get(0).getBodyAsString();
        String assertion = java.net.URLDecoder.decode(form.replaceAll(".*assertion=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String[] parts = assertion.split("\\.");
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "the assertion is signed with the configured key");
    }
}
