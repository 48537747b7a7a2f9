package io.solidafy.cdk.spi.declarative;

/**
 * Makes paginators for one {@code pagination.type} name. The built-in types are registered through
 * this same interface. Thread-safe.
 */
public interface PaginatorFactory {

    /** The name used in YAML: {@code pagination: {type: <this>}}. */
    String type();

    /**
     * Creates a paginator for one stream (partition) read.
     *
     * @throws io.solidafy.cdk.spi.ConnectorException naming the missing or invalid key
     */
    Paginator create(ComponentConfig config);
}
