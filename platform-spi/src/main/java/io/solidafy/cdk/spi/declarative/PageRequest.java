package io.solidafy.cdk.spi.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * How a paginator changes the stream's base request for one page.
 *
 * @param url         replaces the whole URL (next_url, link header); the base request's query is
 *                    then not added again
 * @param queryParams set (replace) these query parameters
 * @param headers     set these headers
 * @param bodyFields  merged into a JSON request body
 */
public record PageRequest(
        Optional<String> url,
        Map<String, String> queryParams,
        Map<String, String> headers,
        Optional<ObjectNode> bodyFields) {

    /** Changes nothing. */
    public static final PageRequest NONE = new PageRequest(Optional.empty(), Map.of(), Map.of(), Optional.empty());

    public PageRequest {
        url = url == null ? Optional.empty() : url;
        queryParams = queryParams == null ? Map.of() : Map.copyOf(queryParams);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        bodyFields = bodyFields == null ? Optional.empty() : bodyFields;
    }

    public static PageRequest query(Map<String, String> params) {
        return new PageRequest(Optional.empty(), params, Map.of(), Optional.empty());
    }

    public static PageRequest url(String url) {
        return new PageRequest(Optional.of(url), Map.of(), Map.of(), Optional.empty());
    }
}
