package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import java.util.Optional;

/**
 * What every built-in paginator shares: it counts pages and records and ends pagination when the
 * block's stop condition (or a short page) says the last page was read; subclasses only say how to
 * ask for the next page. One instance per stream (partition) read, one thread.
 */
abstract class StoppingPaginator implements Paginator {

    private final StopCondition stop;
    private long records;
    private long pages;

    StoppingPaginator(StopCondition stop) {
        this.stop = stop;
    }

    @Override
    public final Optional<PageRequest> next(PageResponse response) {
        records += response.recordCount();
        pages++;
        if (shortPage(response) || stop.last(response, records, pages)) {
            return Optional.empty();
        }
        return following(response);
    }

    /** True when the page had fewer records than asked for, which makes it the last one. */
    boolean shortPage(PageResponse response) {
        return false;
    }

    /** The request for the page after {@code response}, or empty when the response names none. */
    abstract Optional<PageRequest> following(PageResponse response);
}
