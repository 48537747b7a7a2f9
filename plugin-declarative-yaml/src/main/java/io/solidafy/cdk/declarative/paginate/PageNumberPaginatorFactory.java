package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code page_number}: start_page, start_page+1, ... each exactly once, until an empty page, a page
 * shorter than page_size (when set), or the stop condition.
 */
public final class PageNumberPaginatorFactory implements PaginatorFactory {

    @Override
    public String type() {
        return "page_number";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String pageParam = Settings.text(config, "page_param", "page");
        long startPage = Settings.number(config, "start_page", 1);
        String sizeParam = config.string("page_size_param").orElse(null);
        long size = Settings.number(config, "page_size", 0);
        StopCondition stop = StopCondition.of(config);
        return new StoppingPaginator(stop) {
            private long page = startPage;

            @Override
            public PageRequest first() {
                return request(page);
            }

            @Override
            boolean shortPage(PageResponse response) {
                return size > 0 && response.recordCount() < size;
            }

            @Override
            Optional<PageRequest> following(PageResponse response) {
                page++;
                return Optional.of(request(page));
            }

            private PageRequest request(long number) {
                Map<String, String> query = new LinkedHashMap<>();
                query.put(pageParam, Long.toString(number));
                if (sizeParam != null && size > 0) {
                    query.put(sizeParam, Long.toString(size));
                }
                return PageRequest.query(query);
            }
        };
    }
}
