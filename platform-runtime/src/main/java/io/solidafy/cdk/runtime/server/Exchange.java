package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.protocol.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One request and its response, with the envelope writers. */
final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ObjectMapper mapper;
    private volatile SecretMasker masker = SecretMasker.none();
    private boolean done;
    private boolean bodyRead;

    Exchange(Request request, Response response, Callback callback, ObjectMapper mapper) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.mapper = mapper;
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    SecretMasker masker() {
        return masker;
    }

    /** The secrets the command learnt from its config, so that errors mask them too. */
    void masker(SecretMasker masker) {
        this.masker = masker;
    }

    /** The request's body was read to its end. */
    void bodyRead() {
        bodyRead = true;
    }

    boolean committed() {
        return done || response.isCommitted();
    }

    /** {@code {"success":true,"data":...}}. */
    void success(JsonNode data) throws IOException {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("success", true);
        envelope.set("data", data);
        json(200, envelope);
    }

    /** {@code {"success":false,"error":"..."}}, unless the response already started (then it is cut). */
    void error(int status, String message, Map<String, String> headers) {
        if (committed()) {
            callback.failed(new IOException(message));
            done = true;
            return;
        }
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        if (!bodyRead && request.getLength() != 0) {
            // a body left unread (refused before or while reading it) would be taken for the next request
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("success", false);
        envelope.put("error", message);
        try {
            json(status, envelope);
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    void json(int status, JsonNode body) throws IOException {
        bytes(status, "application/json", mapper.writeValueAsBytes(body));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(body);
        }
        finish();
    }

    /** A streamed body: the caller writes, then {@link #finish()}es. */
    OutputStream stream(int status, String contentType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        return Content.Sink.asOutputStream(response);
    }

    void finish() {
        if (!done) {
            done = true;
            callback.succeeded();
        }
    }

    void abort(Throwable cause) {
        if (!done) {
            done = true;
            callback.failed(cause);
        }
    }
}
