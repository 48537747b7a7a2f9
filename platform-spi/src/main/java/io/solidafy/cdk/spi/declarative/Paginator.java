package io.solidafy.cdk.spi.declarative;

import java.util.Optional;

/**
 * Decides the next request from the last response. One instance per stream (partition) read, used
 * by one thread.
 */
public interface Paginator {

    /** What the first request adds (e.g. {@code limit=100}, {@code offset=0}). */
    default PageRequest first() {
        return PageRequest.NONE;
    }

    /** The next request, or empty when the last response was the last page. */
    Optional<PageRequest> next(PageResponse response);
}
