package io.solidafy.examples.hmac;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import java.time.Clock;
import java.util.List;

/** Adds the {@code hmac} auth type to YAML connectors. */
public final class HmacAuthPlugin implements Plugin {

    @Override
    public String name() {
        return "hmac-auth";
    }

    @Override
    public List<AuthenticatorFactory> authenticators() {
        return List.of(new HmacAuthenticatorFactory(Clock.systemUTC()));
    }
}
