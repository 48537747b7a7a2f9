package io.solidafy.cdk.declarative.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

/**
 * A 2xx answer whose body was received whole. Valid only inside the handler it is given to (unless
 * the handler {@linkplain PageBody#keep() keeps} the body).
 */
public final class HttpResponse {

    private final URI uri;
    private final ClassicHttpResponse response;
    private final PageBody body;

    HttpResponse(URI uri, ClassicHttpResponse response, PageBody body) {
        this.uri = uri;
        this.response = response;
        this.body = body;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return response.getCode();
    }

    public Optional<String> header(String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
    }

    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : response.getHeaders(name)) {
            values.add(header.getValue());
        }
        return values;
    }

    /** Every header, names lower-cased, values in order. */
    public java.util.Map<String, List<String>> allHeaders() {
        java.util.Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            all.computeIfAbsent(header.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
        }
        return all;
    }

    /** A stream over the whole (already gunzipped) body; empty when there is none. */
    public InputStream body() throws IOException {
        return body.open();
    }

    /** The received body itself (size, spilled or not, re-readable). */
    public PageBody page() {
        return body;
    }

    /** The response media type, e.g. {@code application/json}, if declared. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }
}
