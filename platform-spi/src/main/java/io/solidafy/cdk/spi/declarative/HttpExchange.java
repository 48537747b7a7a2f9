package io.solidafy.cdk.spi.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * A small HTTP facade the declarative engine lends to components, e.g. for token endpoints.
 * Requests get the engine's timeouts, retries and User-Agent. Thread-safe.
 */
public interface HttpExchange {

    /**
     * Sends a request and parses a JSON answer.
     *
     * @param method  GET, POST, ...
     * @param url     absolute URL
     * @param headers extra headers
     * @param body    request body (form-encoded when {@code Content-Type} says so), or null
     * @throws IOException on transport failure or a non-2xx answer (message names method, URL
     *                     without secrets, status)
     */
    JsonNode send(String method, String url, Map<String, String> headers, String body) throws IOException;
}
