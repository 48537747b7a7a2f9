package io.solidafy.cdk.declarative;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Built-in connectors come from the index of a resource folder; a built-in accepts a base_url config override. */
class BuiltInOverrideTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void builtInIsListedWithMetadataAndReadsFromTheOverriddenBaseUrl() throws Exception {
        YamlSourceFactory factory = new YamlSourceFactory(Clock.systemUTC(), "engine-builtins");
        List<ConnectorInfo> connectors = factory.connectors();
        assertEquals(1, connectors.size());
        ConnectorInfo demo = connectors.get(0);
        assertEquals("Testing", demo.category());
        assertTrue(demo.answersTo("demo-alias"));
        assertEquals(List.of("things"), demo.streams());
        assertTrue(demo.field("token").map(ConfigField::secret).orElse(false));
        assertFalse(demo.field("base_url").orElseThrow().required());

        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(get("/v9/things").withHeader("Authorization", equalTo("Bearer t0k"))
                    .willReturn(okJson("{\"data\":[{\"id\":1},{\"id\":2}]}")));
            DeclarativePlugin plugin = new DeclarativePlugin();
            ObjectNode config = MAPPER.createObjectNode().put("token", "t0k").put("base_url", "http://127.0.0.1:" + server.port() + "/v9/");
            List<ObjectNode> records = new ArrayList<>();
            try (Source source = factory.open(demo, config, context(plugin))) {
                source.read(new StreamReadRequest(source.streams().get(0), MAPPER.createObjectNode(), OptionalLong.empty()), collect(records));
            }
            assertEquals(2, records.size());
        } finally {
            server.stop();
        }
    }

    @Test
    void resolvingOneBuiltInParsesOnlyItsFile() {
        // broken.yaml is not valid YAML: only describing every connector reads it.
        YamlSourceFactory factory = new YamlSourceFactory(Clock.systemUTC(), "lazy-builtins");
        assertEquals("demo", factory.connector("demo").orElseThrow().name());
        assertEquals("demo", factory.connector("demo-alias").orElseThrow().name());
        assertTrue(factory.connector("nope").isEmpty());
        assertThrows(RuntimeException.class, factory::connectors);
    }

    @Test
    void anIndexThatDisagreesWithItsFileIsNamed() {
        YamlSourceFactory factory = new YamlSourceFactory(Clock.systemUTC(), "mismatched-builtins");
        IllegalStateException e = assertThrows(IllegalStateException.class, factory::connectors);
        assertEquals("mismatched-builtins/demo.yaml declares connector demo with aliases [demo-alias] but index.txt lists demo"
                + " with []; make them agree.", e.getMessage());
    }

    private static SourceContext context(DeclarativePlugin plugin) {
        return new SourceContext() {
            @Override
            public void log(LogLevel level, String message) {}

            @Override
            public List<AuthenticatorFactory> authenticators() {
                return plugin.authenticators();
            }

            @Override
            public List<PaginatorFactory> paginators() {
                return plugin.paginators();
            }
        };
    }

    private static Emitter collect(List<ObjectNode> records) {
        return new Emitter() {
            @Override
            public boolean record(ObjectNode data) {
                records.add(data);
                return true;
            }

            @Override
            public void checkpoint(ObjectNode streamState) {}

            @Override
            public void page(int recordCount) {}

            @Override
            public void log(LogLevel level, String message) {}

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
    }
}
