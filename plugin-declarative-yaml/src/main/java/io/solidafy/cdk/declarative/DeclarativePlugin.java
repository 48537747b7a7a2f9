package io.solidafy.cdk.declarative;

import io.solidafy.cdk.declarative.auth.JwtAuthenticatorFactory;
import io.solidafy.cdk.declarative.auth.SimpleAuthenticators;
import io.solidafy.cdk.declarative.auth.TokenAuthenticators;
import io.solidafy.cdk.declarative.paginate.CursorPaginatorFactory;
import io.solidafy.cdk.declarative.paginate.LinkHeaderPaginatorFactory;
import io.solidafy.cdk.declarative.paginate.NextUrlPaginatorFactory;
import io.solidafy.cdk.declarative.paginate.NoPaginatorFactory;
import io.solidafy.cdk.declarative.paginate.OffsetPaginatorFactory;
import io.solidafy.cdk.declarative.paginate.PageNumberPaginatorFactory;
import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Declarative YAML REST connectors: the engine, the built-in connectors, and the built-in auth and
 * pagination types, registered through the same SPI a third-party plugin uses.
 */
public final class DeclarativePlugin implements Plugin {

    private final Clock clock = Clock.systemUTC();
    private final YamlSourceFactory sources = new YamlSourceFactory(clock);

    @Override
    public String name() {
        return "plugin-declarative-yaml";
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(sources);
    }

    @Override
    public List<AuthenticatorFactory> authenticators() {
        List<AuthenticatorFactory> all = new ArrayList<>(SimpleAuthenticators.all());
        all.addAll(TokenAuthenticators.all(clock));
        all.add(new JwtAuthenticatorFactory(clock));
        return List.copyOf(all);
    }

    @Override
    public List<PaginatorFactory> paginators() {
        return List.of(new NoPaginatorFactory(), new OffsetPaginatorFactory(), new PageNumberPaginatorFactory(), new CursorPaginatorFactory(),
                new LinkHeaderPaginatorFactory(), new NextUrlPaginatorFactory());
    }
}
