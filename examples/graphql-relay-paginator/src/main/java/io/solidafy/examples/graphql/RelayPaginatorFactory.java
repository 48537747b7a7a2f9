package io.solidafy.examples.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;

/**
 * {@code pagination: {type: graphql_relay, page_info_path: data.allFilms.pageInfo, page_size: 10}}.
 *
 * <p>Keys: {@code page_info_path} (required: where the connection's {@code pageInfo} sits in the
 * response), {@code page_size} (sent as the {@code first} variable; omit to let the API choose),
 * {@code cursor_variable} ({@code after}), {@code page_size_variable} ({@code first}) and {@code
 * variables} (other GraphQL variables, sent on every page). Stateless, so thread-safe.
 */
final class RelayPaginatorFactory implements PaginatorFactory {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String type() {
        return "graphql_relay";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String pageInfoPath = config.requireString("page_info_path");
        ObjectNode variables = config.string("variables").map(RelayPaginatorFactory::object).orElseGet(MAPPER::createObjectNode);
        config.string("page_size").ifPresent(size -> variables.put(config.string("page_size_variable").orElse("first"), pageSize(size)));
        return new RelayPaginator(config, pageInfoPath, config.string("cursor_variable").orElse("after"), variables);
    }

    private static int pageSize(String text) {
        try {
            int size = Integer.parseInt(text.trim());
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException("pagination.page_size must be a positive whole number, not '" + text + "'.");
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new ConnectorException("pagination.variables must be a mapping of GraphQL variable names to values.");
    }
}
