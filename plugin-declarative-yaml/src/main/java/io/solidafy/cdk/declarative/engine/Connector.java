package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.definition.ConnectorDefinition;
import io.solidafy.cdk.declarative.http.HttpEngine;
import io.solidafy.cdk.declarative.http.HttpSettings;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.Secrets;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.source.SourceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An opened connector definition: rendered base URL, one HTTP client, the authenticator and the
 * template scope every stream starts from. Thread-safe; shared by the streams read concurrently.
 */
public final class Connector implements AutoCloseable {

    /** The version in the default User-Agent. */
    public static final String VERSION = "0.1.0";

    private final ConnectorDefinition definition;
    private final Engine engine;
    private final Scope scope;
    private final RequestFactory requests;
    private final Components components;
    private final Authenticator authenticator;

    public Connector(ConnectorDefinition definition, ObjectNode rawConfig, SourceContext context, Clock clock) {
        this.definition = definition;
        ObjectNode tree = definition.tree();
        ObjectMapper mapper = JsonLimits.mapper();
        TemplateEngine templates = new TemplateEngine(clock);
        Set<String> known = new HashSet<>();
        List<String> secrets = new ArrayList<>();
        for (ConfigField field : definition.info().configFields()) {
            known.add(field.name());
            if (field.secret() && rawConfig.hasNonNull(field.name())) {
                secrets.add(rawConfig.get(field.name()).asText());
            }
        }
        ObjectNode config = renderDefaults(rawConfig, templates, known);
        ObjectNode noState = mapper.createObjectNode();
        noState.putNull("cursor");
        this.scope = Scope.ofConfig(config, known).withState(noState);
        HttpEngine http = new HttpEngine(settings(tree.path("http")), context.secrets().plus(secrets), message -> context.log(LogLevel.WARN, message));
        this.engine = new Engine(mapper, templates, http, clock);
        try {
            String baseUrl = baseUrl(definition, config, templates);
            this.requests = new RequestFactory(engine, baseUrl);
            this.components = new Components(context.authenticators(), context.paginators(), engine);
            this.authenticator = components.authenticator(tree.get("auth"), scope);
        } catch (RuntimeException e) {
            http.close(); // a connector that cannot open leaves no pool behind
            throw e;
        }
    }

    private String baseUrl(ConnectorDefinition definition, ObjectNode config, TemplateEngine templates) {
        ObjectNode tree = definition.tree();
        String baseUrl = definition.builtIn() && config.hasNonNull(ConnectorDefinition.BASE_URL_OVERRIDE)
                && !config.get(ConnectorDefinition.BASE_URL_OVERRIDE).asText().isBlank()
                ? config.get(ConnectorDefinition.BASE_URL_OVERRIDE).asText()
                : templates.render(tree.path("base_url").asText(), scope);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new ConnectorException("base_url of connector '" + definition.info().name() + "' renders to '" + baseUrl
                    + "', which is not an http(s) URL.");
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        return baseUrl;
    }

    /** Config values that are templates (e.g. a default of {@code "{{ days_ago(7) }}"}) are rendered once. */
    private static ObjectNode renderDefaults(ObjectNode raw, TemplateEngine templates, Set<String> known) {
        ObjectNode config = raw.deepCopy();
        Scope plain = Scope.ofConfig(raw, known);
        raw.properties().forEach(e -> {
            if (e.getValue().isTextual() && e.getValue().asText().contains("{{")) {
                config.set(e.getKey(), templates.renderValue(e.getValue().asText(), plain));
            }
        });
        return config;
    }

    private static HttpSettings settings(JsonNode http) {
        Duration timeout = seconds(http, "timeout_secs", HttpSettings.DEFAULT_TIMEOUT);
        Duration connect = seconds(http, "connect_timeout_secs", HttpSettings.DEFAULT_CONNECT_TIMEOUT);
        Duration backoff = seconds(http, "retry_backoff_secs", HttpSettings.DEFAULT_BACKOFF);
        Duration maxWait = seconds(http, "max_retry_wait_secs", HttpSettings.DEFAULT_MAX_WAIT);
        int retries = http.path("max_retries").asInt(3);
        OptionalDouble rps = http.hasNonNull("rate_limit_rps") && http.get("rate_limit_rps").asDouble() > 0
                ? OptionalDouble.of(http.get("rate_limit_rps").asDouble()) : OptionalDouble.empty();
        String agent = http.path("user_agent").asText("solidafy-cdk/" + VERSION);
        return new HttpSettings(timeout, connect, retries, rps, agent, maxWait, backoff, HttpSettings.DEFAULT_MEMORY_LIMIT);
    }

    private static Duration seconds(JsonNode http, String key, Duration fallback) {
        return http.hasNonNull(key) ? Duration.ofMillis(Math.round(http.get(key).asDouble() * 1000)) : fallback;
    }

    ConnectorDefinition definition() {
        return definition;
    }

    Engine engine() {
        return engine;
    }

    Scope scope() {
        return scope;
    }

    RequestFactory requests() {
        return requests;
    }

    Components components() {
        return components;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    /** The connector-level and stream-level header blocks, in that order. */
    List<JsonNode> headerBlocks(JsonNode stream) {
        List<JsonNode> blocks = new ArrayList<>();
        blocks.add(definition.tree().get("headers"));
        blocks.add(stream.get("headers"));
        return blocks;
    }

    /** The stream block with this name. */
    public Optional<JsonNode> stream(String name) {
        for (JsonNode stream : definition.tree().path("streams")) {
            if (stream.path("name").asText().equals(name)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        engine.http().close();
    }
}
