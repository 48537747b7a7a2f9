package io.solidafy.cdk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one secret policy: every form of a secret, any length, and the one "looks secret" rule. */
class SecretsTest {

    private static final String TOKEN = "tok/S3c+r=t&Qz9";

    @Test
    void masksRawUrlEncodedAndBase64Forms() {
        Secrets secrets = Secrets.of(List.of(TOKEN));
        assertEquals("Bearer ***", secrets.mask("Bearer " + TOKEN));
        assertEquals("x=*** y", secrets.mask("x=tok%2FS3c%2Br%3Dt%26Qz9 y"));
        assertEquals("x=*** y", secrets.mask("x=tok%2fS3c%2br%3dt%26Qz9 y"));
        String base64 = java.util.Base64.getEncoder().encodeToString(TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("Basic ***", secrets.mask("Basic " + base64));
    }

    /** Item 1 of issue 12: an API echoing the token JSON-escaped leaked it (fails on the old maskers). */
    @Test
    void masksJsonEscapedForms() {
        Secrets secrets = Secrets.of(List.of(TOKEN));
        assertEquals("{\"echo\":\"Bearer ***\"}", secrets.mask("{\"echo\":\"Bearer tok\\/S3c+r=t&Qz9\"}"));
        assertEquals("{\"echo\":\"***\"}", secrets.mask("{\"echo\":\"tok\\u002fS3c\\u002Br\\u003dt\\u0026Qz9\"}"));
        Secrets quoted = Secrets.of(List.of("a\"b\\c-d\u00e9"));
        assertEquals("{\"e\":\"***\"}", quoted.mask("{\"e\":\"a\\\"b\\\\c-d\\u00e9\"}"));
        assertEquals("{\"e\":\"***\"}", quoted.mask("{\"e\":\"a\\\"b\\\\c-d\u00e9\"}"));
    }

    /** Item 9 of issue 12: secrets shorter than 4 characters were never masked. */
    @Test
    void masksShortSecretsAsWholeTokensOnly() {
        Secrets secrets = Secrets.of(List.of("abc", "x"));
        assertEquals("Bearer ***", secrets.mask("Bearer abc"));
        assertEquals("token=*** and key ***.", secrets.mask("token=abc and key x."));
        assertEquals("abcdef taxi", secrets.mask("abcdef taxi"));
        assertEquals("{\"cursor\":\"2024-01-01T10:00:00Z\"} \"***\"", Secrets.of(List.of("01")).mask("{\"cursor\":\"2024-01-01T10:00:00Z\"} \"01\""));
        assertEquals("GET /x?q=***&page=2 failed: ***.", Secrets.of(List.of("a1")).mask("GET /x?q=a1&page=2 failed: a1."));
        assertEquals("\"***\"", secrets.mask("\"\\u0078\""));
    }

    @Test
    void masksTheLongestSecretWholeAndSecretQueryParameters() {
        Secrets secrets = Secrets.of(List.of("secret", "secret-and-more"));
        assertEquals("*** / ***", secrets.mask("secret-and-more / secret"));
        assertEquals("GET https://x/y?api_key=***&page=2&sig=***", Secrets.none().mask("GET https://x/y?api_key=k1&page=2&sig=zz"));
        assertEquals("GET https://x/y?author=me", Secrets.none().mask("GET https://x/y?author=me"));
    }

    @Test
    void oneRuleForSecretLookingNames() {
        for (String name : List.of("api_key", "apiKey", "access_token", "client_secret", "password", "db-passwd", "private_key",
                "connection_string", "X-Api-Key", "sig", "credentials", "ApiKey")) {
            assertTrue(Secrets.looksSecret(name), name);
        }
        for (String name : List.of("client_id", "author", "start_date", "monkey", "tokenizer_mode", "base_url", "account_id")) {
            assertFalse(Secrets.looksSecret(name), name);
        }
    }

    @Test
    void plusAddsValues() {
        Secrets secrets = Secrets.of(List.of("first-secret")).plus(List.of("fetched-token"));
        assertEquals("*** ***", secrets.mask("first-secret fetched-token"));
        assertEquals("plain", secrets.mask("plain"));
    }
}
