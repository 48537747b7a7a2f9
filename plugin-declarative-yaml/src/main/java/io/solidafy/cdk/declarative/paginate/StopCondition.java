package io.solidafy.cdk.declarative.paginate;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageResponse;
import java.util.Optional;

/**
 * A pagination block's {@code stop}: {@code empty_page} (default), {@code total_count},
 * {@code total_pages} or {@code field}. An empty page always ends pagination. Immutable.
 */
final class StopCondition {

    private final ComponentConfig config;
    private final String type;
    private final String path;
    private final String value;

    private StopCondition(ComponentConfig config, String type, String path, String value) {
        this.config = config;
        this.type = type;
        this.path = path;
        this.value = value;
    }

    static StopCondition of(ComponentConfig config) {
        JsonNode stop = config.raw().path("stop");
        return new StopCondition(config, stop.path("type").asText("empty_page"), stop.path("path").asText(null),
                stop.has("value") ? TemplateEngine.toText(stop.get("value")) : null);
    }

    /**
     * True when the response was the last page.
     *
     * @param recordsSoFar records of every page so far, this one included
     * @param pagesSoFar   pages so far, this one included
     */
    boolean last(PageResponse response, long recordsSoFar, long pagesSoFar) {
        if (response.recordCount() == 0) {
            return true;
        }
        switch (type) {
            case "total_count": {
                Optional<JsonNode> total = config.select(response.envelope(), path);
                return total.isPresent() && total.get().isValueNode() && !total.get().isNull() && recordsSoFar >= total.get().asLong();
            }
            case "total_pages": {
                Optional<JsonNode> total = config.select(response.envelope(), path);
                return total.isPresent() && total.get().isValueNode() && !total.get().isNull() && pagesSoFar >= total.get().asLong();
            }
            case "field": {
                Optional<JsonNode> actual = config.select(response.envelope(), path);
                return actual.isPresent() && TemplateEngine.toText(actual.get()).equals(value);
            }
            default:
                return false;
        }
    }
}
