package io.solidafy.examples.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a GraphQL relay connection: while {@code pageInfo.hasNextPage} is true, asks again with
 * {@code after: pageInfo.endCursor} in the POST body's {@code variables}. One instance per stream
 * read, used by one thread.
 */
final class RelayPaginator implements Paginator {

    private final ComponentConfig config;
    private final String pageInfoPath;
    private final String cursorVariable;
    private final ObjectNode variables;
    private String lastCursor;

    RelayPaginator(ComponentConfig config, String pageInfoPath, String cursorVariable, ObjectNode variables) {
        this.config = config;
        this.pageInfoPath = pageInfoPath;
        this.cursorVariable = cursorVariable;
        this.variables = variables;
    }

    @Override
    public PageRequest first() {
        return withVariables(variables.deepCopy());
    }

    @Override
    public Optional<PageRequest> next(PageResponse response) {
        JsonNode pageInfo = config.select(response.envelope(), pageInfoPath).orElseThrow(() -> new ConnectorException(
                "The response has no pageInfo at '" + pageInfoPath + "'; check pagination.page_info_path."));
        if (!pageInfo.path("hasNextPage").asBoolean(false)) {
            return Optional.empty();
        }
        String cursor = pageInfo.path("endCursor").asText("");
        if (cursor.isEmpty()) {
            throw new ConnectorException("pageInfo says hasNextPage but gives no endCursor at '" + pageInfoPath + "'.");
        }
        if (cursor.equals(lastCursor)) {
            throw new ConnectorException("The API returned endCursor '" + cursor + "' twice; stopping instead of reading the same page forever.");
        }
        lastCursor = cursor;
        ObjectNode next = variables.deepCopy();
        next.put(cursorVariable, cursor);
        return Optional.of(withVariables(next));
    }

    /** The engine merges these fields into the stream's JSON body, so {@code query} stays as the YAML wrote it. */
    private static PageRequest withVariables(ObjectNode pageVariables) {
        ObjectNode body = pageVariables.objectNode();
        body.set("variables", pageVariables);
        return new PageRequest(Optional.empty(), Map.of(), Map.of(), Optional.of(body));
    }
}
