package com.example.myplugin;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.List;

/**
 * The plugin's single entry point, listed in {@code META-INF/services/io.solidafy.cdk.spi.Plugin}.
 * Override only what you contribute: {@code sources()}, {@code sinks()}, {@code storages()},
 * {@code authenticators()}, {@code paginators()}. The constructor must stay cheap: {@code list}
 * instantiates every plugin.
 */
public final class MyPlugin implements Plugin {

    @Override
    public String name() {
        return "my-plugin";
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(new CountingSourceFactory());
    }
}
