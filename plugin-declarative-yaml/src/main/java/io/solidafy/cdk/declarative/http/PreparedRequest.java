package io.solidafy.cdk.declarative.http;

import io.solidafy.cdk.spi.declarative.OutgoingRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request before it is sent: method, URL without query, ordered query parameters (repeated keys
 * allowed), headers and an optional body. Mutable, one thread; {@link #copy()} for each attempt so
 * authenticators start from the clean request.
 */
public final class PreparedRequest implements OutgoingRequest {

    private final String method;
    private final String url;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private byte[] body;
    private String contentType;

    public PreparedRequest(String method, String url) {
        this(method, url, new ArrayList<>(), new LinkedHashMap<>(), null, null);
    }

    private PreparedRequest(String method, String url, List<Map.Entry<String, String>> query, Map<String, String> headers, byte[] body,
            String contentType) {
        this.method = method;
        this.url = url;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    public PreparedRequest copy() {
        return new PreparedRequest(method, url, new ArrayList<>(query), new LinkedHashMap<>(headers), body, contentType);
    }

    @Override
    public String method() {
        return method;
    }

    /** The URL without the query added by {@link #addQueryParameter}. */
    public String baseUrl() {
        return url;
    }

    @Override
    public URI uri() {
        if (query.isEmpty()) {
            return URI.create(url);
        }
        StringBuilder out = new StringBuilder(url);
        char separator = url.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> parameter : query) {
            out.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(out.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void setHeader(String name, String value) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        headers.put(name, value);
    }

    @Override
    public void addQueryParameter(String name, String value) {
        query.add(Map.entry(name, value));
    }

    /** Replaces every value of a query parameter with one value. */
    public void setQueryParameter(String name, String value) {
        query.removeIf(e -> e.getKey().equals(name));
        query.add(Map.entry(name, value));
    }

    public Map<String, String> headers() {
        return headers;
    }

    public void body(byte[] bytes, String type) {
        this.body = bytes;
        this.contentType = type;
    }

    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    /** What identifies the request for the pagination loop guard. */
    public String identity() {
        return method + " " + uri() + " " + headers + " " + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedRequest that && identity().equals(that.identity());
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity());
    }
}
