package io.solidafy.cdk.declarative.paginate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cursor}: the next cursor comes from the body ({@code cursor_path}, e.g. {@code
 * data[-1].id} or {@code meta.next}) or a response header ({@code cursor_header}) and is sent as a
 * query parameter, a header or a body field. A missing, null, empty or {@code "null"} cursor ends
 * pagination.
 */
public final class CursorPaginatorFactory implements PaginatorFactory {

    @Override
    public String type() {
        return "cursor";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String param = Settings.text(config, "cursor_param", "cursor");
        Optional<String> path = config.string("cursor_path");
        Optional<String> header = config.string("cursor_header");
        String location = Settings.text(config, "location", "query");
        StopCondition stop = StopCondition.of(config);
        return new StoppingPaginator(stop) {
            @Override
            Optional<PageRequest> following(PageResponse response) {
                String cursor = null;
                if (header.isPresent()) {
                    cursor = response.header(header.get()).orElse(null);
                } else if (path.isPresent()) {
                    cursor = config.select(response.envelope(), path.get()).map(TemplateEngine::toText).orElse(null);
                }
                if (cursor == null || cursor.isBlank() || cursor.equals("null")) {
                    return Optional.empty();
                }
                return Optional.of(switch (location) {
                    case "header" -> new PageRequest(Optional.empty(), Map.of(), Map.of(param, cursor), Optional.empty());
                    case "body" -> {
                        ObjectNode body = JsonNodeFactory.instance.objectNode();
                        body.put(param, cursor);
                        yield new PageRequest(Optional.empty(), Map.of(), Map.of(), Optional.of(body));
                    }
                    default -> PageRequest.query(Map.of(param, cursor));
                });
            }
        };
    }

}
