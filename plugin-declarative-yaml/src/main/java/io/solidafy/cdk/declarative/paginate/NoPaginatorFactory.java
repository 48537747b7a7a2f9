package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.Optional;

/** {@code none}: a single request. */
public final class NoPaginatorFactory implements PaginatorFactory {

    @Override
    public String type() {
        return "none";
    }

    @Override
    public Paginator create(ComponentConfig config) {
        return response -> Optional.empty();
    }
}
