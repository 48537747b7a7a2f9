package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.decode.DecodedPage;
import io.solidafy.cdk.spi.declarative.PageResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One fetched page as a paginator sees it: status, headers and the decoded envelope. Immutable. */
record Page(URI requestUri, int status, Map<String, List<String>> headerValues, DecodedPage decoded) implements PageResponse {

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> headers(String name) {
        return headerValues.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public JsonNode envelope() {
        return decoded.envelope();
    }

    @Override
    public int recordCount() {
        return decoded.count();
    }

    @Override
    public Optional<JsonNode> lastRecord() {
        return decoded.lastRecord();
    }

    /** This page, marked stopped when the emitter wanted no more of its records. */
    Page stoppedIf(boolean stopped) {
        return stopped ? new Page(requestUri, status, headerValues,
                new DecodedPage(decoded.envelope(), decoded.count(), decoded.lastRecord(), true)) : this;
    }
}
