package io.solidafy.cdk.declarative;

import io.solidafy.cdk.spi.Plugin;

/** Declarative YAML REST connectors (filled in by the declarative engine issue). */
public final class DeclarativePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-declarative-yaml";
    }
}
