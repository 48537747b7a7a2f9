package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.Map;
import java.util.Optional;

/** {@code offset}: offset += limit until a short or empty page, or the stop condition. */
public final class OffsetPaginatorFactory implements PaginatorFactory {

    @Override
    public String type() {
        return "offset";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String offsetParam = Settings.text(config, "offset_param", "offset");
        String limitParam = Settings.text(config, "limit_param", "limit");
        long limit = Settings.number(config, "limit", 100);
        StopCondition stop = StopCondition.of(config);
        return new StoppingPaginator(stop) {
            private long offset;

            @Override
            public PageRequest first() {
                return PageRequest.query(Map.of(offsetParam, "0", limitParam, Long.toString(limit)));
            }

            @Override
            boolean shortPage(PageResponse response) {
                return response.recordCount() < limit;
            }

            @Override
            Optional<PageRequest> following(PageResponse response) {
                offset += limit;
                return Optional.of(PageRequest.query(Map.of(offsetParam, Long.toString(offset), limitParam, Long.toString(limit))));
            }
        };
    }
}
