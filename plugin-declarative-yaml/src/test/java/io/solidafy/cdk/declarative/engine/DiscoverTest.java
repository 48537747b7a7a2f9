package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** discover --sample N infers schemas from records; without sampling the schema stays open. */
class DiscoverTest extends WireMockSupport {

    @Test
    void infersTypesFormatsNullabilityAndNesting() {
        server.stubFor(get(urlPathEqualTo("/users")).withQueryParam("page", equalTo("1")).willReturn(okJson("""
                [{"id": 1, "email": "a@example.com", "created": "2024-01-01T10:00:00Z", "day": "2024-01-01",
                  "site": "https://example.com/a", "uid": "123e4567-e89b-12d3-a456-426614174000", "score": 1,
                  "active": true, "nick": null, "address": {"city": "Oslo"}, "tags": ["x"]},
                 {"id": 2, "email": "b@example.com", "created": "2024-01-02T10:00:00Z", "day": "2024-01-02",
                  "site": "https://example.com/b", "uid": "123e4567-e89b-12d3-a456-426614174001", "score": 1.5,
                  "active": false, "nick": "bee", "address": {"city": "Rome", "zip": 1}, "tags": []}]""")));
        server.stubFor(get(urlPathEqualTo("/users")).withQueryParam("page", equalTo("2")).willReturn(okJson("[{\"id\":3}]")));
        Path file = connector("""
                name: disc
                base_url: BASE
                streams:
                  - name: users
                    request:
                      path: /users
                    pagination:
                      type: page_number
                    primary_key: [id]
                    cursor_field: created
                """);
        CliRun result = cli.run("discover", "--connector", file.toString(), "--config-json", "{}", "--sample", "2");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode stream = result.ofType("CATALOG").get(0).path("catalog").path("streams").get(0);
        JsonNode props = stream.path("json_schema").path("properties");
        assertEquals("integer", props.path("id").path("type").asText());
        assertEquals("email", props.path("email").path("format").asText());
        assertEquals("date-time", props.path("created").path("format").asText());
        assertEquals("date", props.path("day").path("format").asText());
        assertEquals("uri", props.path("site").path("format").asText());
        assertEquals("uuid", props.path("uid").path("format").asText());
        assertEquals("number", props.path("score").path("type").asText());
        assertEquals("boolean", props.path("active").path("type").asText());
        assertEquals("[\"string\",\"null\"]", props.path("nick").path("type").toString());
        assertEquals("integer", props.path("address").path("properties").path("zip").path("type").asText());
        assertEquals("string", props.path("tags").path("items").path("type").asText());
        assertEquals("[\"full_refresh\",\"incremental\"]", stream.path("supported_sync_modes").toString());
        assertEquals("[\"created\"]", stream.path("default_cursor_field").toString());
        assertEquals("[[\"id\"]]", stream.path("source_defined_primary_key").toString());
        server.verify(0, getRequestedFor(urlPathEqualTo("/users")).withQueryParam("page", equalTo("2"))); // 2 samples: one page
    }

    @Test
    void withoutSampleNoRequestIsMade() {
        Path file = connector("""
                name: disc
                base_url: BASE
                streams:
                  - name: users
                    request:
                      path: /users
                """);
        CliRun result = cli.run("discover", "--connector", file.toString(), "--config-json", "{}");
        JsonNode stream = result.ofType("CATALOG").get(0).path("catalog").path("streams").get(0);
        assertEquals(true, stream.path("json_schema").path("additionalProperties").asBoolean());
        assertEquals("[\"full_refresh\"]", stream.path("supported_sync_modes").toString());
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
