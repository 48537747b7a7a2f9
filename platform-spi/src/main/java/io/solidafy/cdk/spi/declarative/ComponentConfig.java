package io.solidafy.cdk.spi.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The YAML object that configures one auth or pagination component (e.g. the {@code auth:} block),
 * with access to the declarative engine's template rendering and record paths.
 *
 * <p>Thread-safe. Rendering sees the connector's {@code config}, {@code vars} and, where a stream
 * context exists, {@code state} and {@code partition}.
 */
public interface ComponentConfig {

    /** The component's {@code type} value. */
    String type();

    /** The raw YAML object, unrendered. */
    ObjectNode raw();

    /**
     * The value at {@code key} rendered as a template; empty when absent or rendered empty. A
     * mapping or list is rendered leaf by leaf and returned as compact JSON text.
     */
    Optional<String> string(String key);

    /**
     * The value at {@code key} rendered as a template.
     *
     * @throws io.solidafy.cdk.spi.ConnectorException naming the key when it is absent or empty
     */
    String requireString(String key);

    /** The node at {@code path} (the engine's record-path syntax, e.g. {@code data[-1].id}) in {@code document}. */
    Optional<JsonNode> select(JsonNode document, String path);

    /** HTTP through the engine's client (same timeouts, retries and TLS), e.g. to fetch tokens. */
    HttpExchange http();
}
