package io.solidafy.cdk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a connector's configuration, as shown by {@code spec}, {@code list} and {@code GET
 * /connectors}, and used by the runtime to validate a config before any request and to mask
 * secrets in all output.
 *
 * @param name         key in the config object
 * @param type         one of {@code string, integer, number, boolean, object, array}
 * @param required     the runtime rejects a config without it (unless a default exists)
 * @param secret       its value is masked in every log line, error and response
 * @param description  one line for humans
 * @param defaultValue value applied by the runtime when the field is absent; may be a template
 *                     such as {@code "{{ days_ago(7) }}"} that the connector renders itself
 */
public record ConfigField(
        String name,
        String type,
        boolean required,
        boolean secret,
        String description,
        Optional<JsonNode> defaultValue) {

    /** The JSON types a config field may declare. */
    public static final java.util.Set<String> TYPES =
            java.util.Set.of("string", "integer", "number", "boolean", "object", "array");

    public ConfigField {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("config field name must not be blank");
        }
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(
                    "config field '" + name + "' has type '" + type + "'; expected one of " + TYPES);
        }
        description = description == null ? "" : description;
        defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
    }

    /** A required string field without default. */
    public static ConfigField requiredString(String name, boolean secret, String description) {
        return new ConfigField(name, "string", true, secret, description, Optional.empty());
    }

    /** An optional field of the given type with an optional default. */
    public static ConfigField optional(String name, String type, String description, JsonNode defaultValue) {
        return new ConfigField(name, type, false, false, description, Optional.ofNullable(defaultValue));
    }
}
