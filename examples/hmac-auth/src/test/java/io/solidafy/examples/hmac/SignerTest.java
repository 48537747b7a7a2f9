package io.solidafy.examples.hmac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The signature against the published HMAC test vectors (RFC 4231, test case 2), and what is signed of a URL. */
class SignerTest {

    private static final String DATA = "what do ya want for nothing?";

    @Test
    void hmacSha256MatchesRfc4231() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", new Signer("HmacSHA256", "Jefe", "hex").sign(DATA));
    }

    @Test
    void hmacSha512InBase64MatchesRfc4231() {
        assertEquals("Fkt6e/z4GeLjlfvnO1bgo4e9ZCIugx/WECcM1+olBVSXWL91wFqZSm0DT2X48Ob9yuqxo01Ka0tjbgcKOLznNw==",
                new Signer("HmacSHA512", "Jefe", "base64").sign(DATA));
    }

    @Test
    void anUnknownAlgorithmIsNamed() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> new Signer("HmacSHA999", "k", "hex"));
        assertEquals(true, e.getMessage().contains("HmacSHA999"), e.getMessage());
    }

    @Test
    void theRawPathAndQueryAreSigned() {
        assertEquals("/v1/fills?limit=2&cursor=c%2F2", HmacAuthenticator.pathAndQuery(URI.create("https://api.example/v1/fills?limit=2&cursor=c%2F2")));
        assertEquals("/", HmacAuthenticator.pathAndQuery(URI.create("https://api.example")));
    }
}
