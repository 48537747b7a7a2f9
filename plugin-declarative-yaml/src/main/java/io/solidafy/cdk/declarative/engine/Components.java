package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code auth.type} and {@code pagination.type} names among every factory the runtime
 * collected from all plugins (the built-in ones come through the same SPI). {@code selective} auth
 * is resolved here: the first option whose {@code when} config key is set. Immutable.
 */
final class Components {

    private final List<AuthenticatorFactory> authenticators;
    private final List<PaginatorFactory> paginators;
    private final Engine engine;

    Components(List<AuthenticatorFactory> authenticators, List<PaginatorFactory> paginators, Engine engine) {
        this.authenticators = List.copyOf(authenticators);
        this.paginators = List.copyOf(paginators);
        this.engine = engine;
    }

    /** The connector's authenticator; null when there is no auth block. */
    Authenticator authenticator(JsonNode auth, Scope scope) {
        if (auth == null || auth.isNull()) {
            return null;
        }
        return authenticator((ObjectNode) auth, "auth", scope);
    }

    private Authenticator authenticator(ObjectNode auth, String where, Scope scope) {
        String type = auth.path("type").asText("none");
        if (type.equals("selective")) {
            JsonNode options = auth.path("options");
            for (int i = 0; i < options.size(); i++) {
                JsonNode option = options.get(i);
                String when = option.path("when").asText("");
                JsonNode value = scope.config().get(when);
                if (when.isEmpty() || (value != null && !value.isNull() && !value.asText().isEmpty())) {
                    return authenticator((ObjectNode) option.get("auth"), where + ".options[" + i + "].auth", scope);
                }
            }
            throw new ConnectorException("None of the auth options applies: set one of the config keys "
                    + options.findValuesAsText("when") + ".");
        }
        Optional<AuthenticatorFactory> factory = authenticators.stream().filter(f -> f.type().equals(type)).findFirst();
        if (factory.isEmpty()) {
            throw new ConnectorException("Unknown auth type '" + type + "' in " + where + "; installed types: "
                    + authenticators.stream().map(AuthenticatorFactory::type).distinct().sorted().toList() + ".");
        }
        return factory.get().create(new EngineComponentConfig(where, auth, scope, engine));
    }

    /** A fresh paginator for one stream (partition) read. */
    Paginator paginator(JsonNode pagination, String where, Scope scope) {
        if (pagination == null || pagination.isNull()) {
            return response -> Optional.empty();
        }
        String type = pagination.path("type").asText("none");
        Optional<PaginatorFactory> factory = paginators.stream().filter(f -> f.type().equals(type)).findFirst();
        if (factory.isEmpty()) {
            throw new ConnectorException("Unknown pagination type '" + type + "' in " + where + "; installed types: "
                    + paginators.stream().map(PaginatorFactory::type).distinct().sorted().toList() + ".");
        }
        return factory.get().create(new EngineComponentConfig(where, (ObjectNode) pagination, scope, engine));
    }
}
