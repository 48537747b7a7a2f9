package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.declarative.http.HttpEngine;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.path.RecordPath;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every part of one open source shares: JSON mapper, template engine, record-path cache, HTTP
 * client and clock. Thread-safe.
 */
final class Engine {

    private final ObjectMapper mapper;
    private final TemplateEngine templates;
    private final HttpEngine http;
    private final Clock clock;
    private final Map<String, RecordPath> paths = new ConcurrentHashMap<>();

    Engine(ObjectMapper mapper, TemplateEngine templates, HttpEngine http, Clock clock) {
        this.mapper = mapper;
        this.templates = templates;
        this.http = http;
        this.clock = clock;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    TemplateEngine templates() {
        return templates;
    }

    HttpEngine http() {
        return http;
    }

    Clock clock() {
        return clock;
    }

    /** A parsed record path, cached. */
    RecordPath path(String text) {
        return paths.computeIfAbsent(text, t -> {
            try {
                return RecordPath.parse(t);
            } catch (IllegalArgumentException e) {
                throw new ConnectorException("Record path " + e.getMessage() + ".");
            }
        });
    }

    /** HTTP for components (token endpoints): same client, timeouts and retries, no auth. */
    HttpExchange exchange() {
        return (method, url, headers, body) -> {
            PreparedRequest request = new PreparedRequest(method, url);
            headers.forEach(request::setHeader);
            if (body != null) {
                String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                        .map(Map.Entry::getValue).findFirst().orElse("application/json");
                request.body(body.getBytes(StandardCharsets.UTF_8), type);
            }
            String text = http.text(request, null);
            JsonNode answer = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
            return answer;
        };
    }
}
