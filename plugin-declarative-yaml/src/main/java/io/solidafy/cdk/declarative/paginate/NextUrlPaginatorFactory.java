package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.PageResponse;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.Optional;

/** {@code next_url}: follows the URL found in the body at next_url_path (absolute, or relative to the request). */
public final class NextUrlPaginatorFactory implements PaginatorFactory {

    @Override
    public String type() {
        return "next_url";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        String path = config.string("next_url_path")
                .orElseThrow(() -> new ConnectorException("pagination type 'next_url' needs next_url_path."));
        StopCondition stop = StopCondition.of(config);
        return new StoppingPaginator(stop) {
            @Override
            Optional<PageRequest> following(PageResponse response) {
                return config.select(response.envelope(), path)
                        .map(TemplateEngine::toText)
                        .filter(url -> !url.isBlank() && !url.equals("null"))
                        .map(url -> PageRequest.url(response.requestUri().resolve(url).toString()));
            }
        };
    }
}
