package io.solidafy.cdk.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.config.ConfigValidator;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's masker keeps its API and applies the SPI's one policy (items 1 and 9 of issue 12). */
class SecretMaskerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void masksJsonEscapedAndShortSecretsInTextTreesAndStackTraces() throws Exception {
        SecretMasker masker = SecretMasker.none().plus(List.of("tok/S3c+r=t&Qz9")).plus(List.of("abc"));
        assertEquals("401: {\"echo\":\"Bearer ***\"}", masker.mask("401: {\"echo\":\"Bearer tok\\/S3c+r=t&Qz9\"}"));
        JsonNode summary = MAPPER.readTree("{\"error\":\"Bearer abc rejected\",\"streams\":[\"{\\\"t\\\":\\\"tok\\\\/S3c+r=t&Qz9\\\"}\"]}");
        assertEquals("{\"error\":\"Bearer *** rejected\",\"streams\":[\"{\\\"t\\\":\\\"***\\\"}\"]}", masker.mask(summary).toString());
        assertFalse(masker.stackTrace(new IllegalStateException("token abc")).contains("abc"));
        assertEquals(SecretMasker.MASK, "***");
    }

    @Test
    void credentialLookingKeysFollowTheOneRule() throws Exception {
        ConnectorInfo info = new ConnectorInfo("x", null, null, null, null, null, null, null, false, null);
        var config = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(
                "{\"apiKey\":\"k1\",\"db_password\":\"p\",\"connection_string\":\"postgresql://u:pw9@h/db\",\"author\":\"me\",\"count\":5}");
        assertEquals(List.of("k1", "p", "postgresql://u:pw9@h/db", "pw9"), ConfigValidator.secretValues(info, config));
    }
}
