package io.solidafy.examples.graphql;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.List;

/** Adds the {@code graphql_relay} pagination type to YAML connectors. */
public final class RelayPaginationPlugin implements Plugin {

    @Override
    public String name() {
        return "graphql-relay-paginator";
    }

    @Override
    public List<PaginatorFactory> paginators() {
        return List.of(new RelayPaginatorFactory());
    }
}
