package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.HttpExchange;
import java.util.Optional;

/**
 * The engine's {@link ComponentConfig}: a YAML block whose values render as templates in one scope.
 * Objects and lists render leaf by leaf and come back as compact JSON text. Immutable.
 */
final class EngineComponentConfig implements ComponentConfig {

    private final String where;
    private final ObjectNode raw;
    private final Scope scope;
    private final Engine engine;

    /**
     * @param where the block's place in the file, for messages (e.g. {@code auth})
     */
    EngineComponentConfig(String where, ObjectNode raw, Scope scope, Engine engine) {
        this.where = where;
        this.raw = raw;
        this.scope = scope;
        this.engine = engine;
    }

    @Override
    public String type() {
        return raw.path("type").asText("");
    }

    @Override
    public ObjectNode raw() {
        return raw;
    }

    @Override
    public Optional<String> string(String key) {
        JsonNode node = raw.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        TemplateEngine templates = engine.templates();
        String value = node.isContainerNode() ? templates.renderTree(node, scope).toString()
                : node.isTextual() ? templates.render(node.asText(), scope) : node.asText();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String requireString(String key) {
        return string(key).orElseThrow(() -> new ConnectorException(
                where + "." + key + " is required for type '" + type() + "' (it is missing or renders empty; check the config values it uses)."));
    }

    @Override
    public Optional<JsonNode> select(JsonNode document, String path) {
        return engine.path(path).select(document);
    }

    @Override
    public HttpExchange http() {
        return engine.exchange();
    }
}
