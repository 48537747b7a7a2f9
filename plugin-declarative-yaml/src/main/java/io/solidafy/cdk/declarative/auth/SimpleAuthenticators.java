package io.solidafy.cdk.declarative.auth;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The static credential types: none, bearer, api_key, basic. */
public final class SimpleAuthenticators {

    private SimpleAuthenticators() {}

    /** Every static type. */
    public static List<AuthenticatorFactory> all() {
        return List.of(none(), bearer(), apiKey(), basic());
    }

    static AuthenticatorFactory none() {
        return factory("none", config -> request -> {});
    }

    static AuthenticatorFactory bearer() {
        return factory("bearer", config -> {
            String token = config.requireString("token");
            return request -> request.setHeader("Authorization", "Bearer " + token);
        });
    }

    static AuthenticatorFactory apiKey() {
        return factory("api_key", config -> {
            String key = config.requireString("key");
            String value = config.string("prefix").orElse("") + config.requireString("value");
            String location = config.string("location").orElse("header");
            if (location.equals("query")) {
                return request -> request.addQueryParameter(key, value);
            }
            if (!location.equals("header")) {
                throw new ConnectorException("auth.location must be 'header' or 'query', not '" + location + "'.");
            }
            return request -> request.setHeader(key, value);
        });
    }

    static AuthenticatorFactory basic() {
        return factory("basic", config -> {
            String user = config.requireString("username");
            String password = config.string("password").orElse("");
            String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return request -> request.setHeader("Authorization", "Basic " + encoded);
        });
    }

    /** Creates authenticators from a config. */
    @FunctionalInterface
    interface Creator {
        Authenticator create(ComponentConfig config);
    }

    static AuthenticatorFactory factory(String type, Creator creator) {
        return new AuthenticatorFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Authenticator create(ComponentConfig config) {
                return creator.create(config);
            }
        };
    }
}
