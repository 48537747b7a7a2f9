package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.PageRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds requests from YAML request blocks: method, path relative to base_url (or absolute),
 * templated params (empty ones omitted, lists repeat the key), headers (connector, stream, request,
 * in that order) and JSON, form or text bodies; and applies a paginator's {@link PageRequest}.
 */
final class RequestFactory {

    private final Engine engine;
    private final String baseUrl;

    RequestFactory(Engine engine, String baseUrl) {
        this.engine = engine;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The absolute URL of a rendered path. */
    String url(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        if (path.isEmpty()) {
            return baseUrl;
        }
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Builds a request.
     *
     * @param block   a request-like block ({@code method}, {@code path}, {@code params}, {@code headers}, {@code body}, {@code content_type})
     * @param headers header blocks applied before the block's own headers
     */
    PreparedRequest build(JsonNode block, List<JsonNode> headers, Scope scope) {
        TemplateEngine templates = engine.templates();
        String method = block.path("method").asText("GET").toUpperCase(Locale.ROOT);
        PreparedRequest request = new PreparedRequest(method, url(templates.render(block.path("path").asText(""), scope)));
        JsonNode params = block.get("params");
        if (params != null && params.isObject()) {
            params.properties().forEach(e -> {
                List<JsonNode> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(values::add);
                } else {
                    values.add(e.getValue());
                }
                for (JsonNode value : values) {
                    String rendered = value.isTextual() ? templates.render(value.asText(), scope) : TemplateEngine.toText(value);
                    if (!rendered.isEmpty()) {
                        request.addQueryParameter(e.getKey(), rendered);
                    }
                }
            });
        }
        List<JsonNode> allHeaders = new ArrayList<>(headers);
        allHeaders.add(block.get("headers"));
        for (JsonNode group : allHeaders) {
            if (group != null && group.isObject()) {
                group.properties().forEach(e -> {
                    String value = e.getValue().isTextual() ? templates.render(e.getValue().asText(), scope) : TemplateEngine.toText(e.getValue());
                    if (!value.isEmpty()) {
                        request.setHeader(e.getKey(), value);
                    }
                });
            }
        }
        JsonNode body = block.get("body");
        if (body != null && !body.isNull()) {
            String type = block.has("content_type") ? templates.render(block.get("content_type").asText(), scope) : null;
            if (body.isContainerNode()) {
                JsonNode rendered = templates.renderTree(body, scope);
                if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                    request.body(form(rendered).getBytes(StandardCharsets.UTF_8), type);
                } else {
                    request.body(rendered.toString().getBytes(StandardCharsets.UTF_8), type == null ? "application/json" : type);
                }
            } else {
                String text = templates.render(body.asText(), scope);
                String guess = text.trim().startsWith("{") || text.trim().startsWith("[") ? "application/json" : "text/plain; charset=UTF-8";
                request.body(text.getBytes(StandardCharsets.UTF_8), type == null ? guess : type);
            }
        }
        return request;
    }

    /** The request for one page: the base request changed as the paginator asks. */
    PreparedRequest apply(PreparedRequest base, PageRequest page) {
        PreparedRequest request;
        if (page.url().isPresent()) {
            request = new PreparedRequest(base.method(), url(page.url().get()));
            base.headers().forEach(request::setHeader);
            if (base.body() != null) {
                request.body(base.body(), base.contentType());
            }
        } else {
            request = base.copy();
        }
        page.queryParams().forEach(request::setQueryParameter);
        page.headers().forEach(request::setHeader);
        if (page.bodyFields().isPresent()) {
            ObjectNode merged;
            try {
                JsonNode current = base.body() == null ? null : engine.mapper().readTree(base.body());
                merged = current instanceof ObjectNode object ? object.deepCopy() : engine.mapper().createObjectNode();
            } catch (java.io.IOException e) {
                throw new ConnectorException("Cursor location 'body' needs a JSON object request body.");
            }
            merged.setAll(page.bodyFields().get());
            try {
                request.body(engine.mapper().writeValueAsBytes(merged), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return request;
    }

    private static String form(JsonNode fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(TemplateEngine.toText(field.getValue()), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
