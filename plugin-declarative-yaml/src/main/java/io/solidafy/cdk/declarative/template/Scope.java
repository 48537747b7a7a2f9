package io.solidafy.cdk.declarative.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * The variables a template sees: the roots {@code config}, {@code state}, {@code partition} and
 * {@code vars}. A path whose first segment is not a root is looked up in config, then vars. A
 * declared config field that the user left out reads as null rather than undefined. Immutable;
 * the {@code with*} methods return copies.
 *
 * @param config      the connector config
 * @param state       the stream state as templates see it ({@code cursor} is null on a first run)
 * @param partition   the current partition's values
 * @param vars        engine variables such as {@code job_id}
 * @param knownConfig config field names that are declared (absent ones render as null)
 */
public record Scope(ObjectNode config, ObjectNode state, ObjectNode partition, ObjectNode vars, Set<String> knownConfig) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public Scope {
        config = config == null ? NODES.objectNode() : config;
        state = state == null ? NODES.objectNode() : state;
        partition = partition == null ? NODES.objectNode() : partition;
        vars = vars == null ? NODES.objectNode() : vars;
        knownConfig = knownConfig == null ? Set.of() : Set.copyOf(knownConfig);
    }

    /** A scope with only a config. */
    public static Scope ofConfig(ObjectNode config, Set<String> knownConfig) {
        return new Scope(config, null, null, null, knownConfig);
    }

    public Scope withState(ObjectNode newState) {
        return new Scope(config, newState, partition, vars, knownConfig);
    }

    public Scope withPartition(ObjectNode newPartition) {
        return new Scope(config, state, newPartition, vars, knownConfig);
    }

    public Scope withVars(ObjectNode newVars) {
        return new Scope(config, state, partition, newVars, knownConfig);
    }

    /** Resolves the first segment of a path; empty when it is not defined anywhere. */
    Optional<JsonNode> root(String name, String next) {
        switch (name) {
            case "config":
                if (next != null && !config.has(next) && knownConfig.contains(next)) {
                    return Optional.of(wrapNull(next));
                }
                return Optional.of(config);
            case "state":
                return Optional.of(state);
            case "partition":
                return Optional.of(partition);
            case "vars":
                return Optional.of(vars);
            default:
                if (config.has(name)) {
                    return Optional.of(config.get(name));
                }
                if (vars.has(name)) {
                    return Optional.of(vars.get(name));
                }
                if (knownConfig.contains(name)) {
                    return Optional.of(NullNode.instance);
                }
                return Optional.empty();
        }
    }

    private static JsonNode wrapNull(String key) {
        ObjectNode holder = NODES.objectNode();
        holder.putNull(key);
        return holder;
    }
}
