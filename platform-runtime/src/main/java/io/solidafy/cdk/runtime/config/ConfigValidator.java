package io.solidafy.cdk.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.Secrets;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a config against a connector's declared fields before anything is opened: required fields
 * present, values of the declared type (numeric and boolean strings are converted), defaults
 * applied. Also names the values that must be masked.
 */
public final class ConfigValidator {

    private ConfigValidator() {}

    /**
     * Returns a copy of {@code config} with defaults applied and scalar values converted to the
     * declared types.
     *
     * @throws ConnectorException naming the first missing or mistyped field
     */
    public static ObjectNode validate(ConnectorInfo connector, ObjectNode config) {
        ObjectNode result = config.deepCopy();
        List<String> missing = new ArrayList<>();
        for (ConfigField field : connector.configFields()) {
            JsonNode value = result.get(field.name());
            if (isAbsent(value)) {
                if (field.defaultValue().isPresent()) {
                    result.set(field.name(), field.defaultValue().get().deepCopy());
                } else if (field.required()) {
                    missing.add(field.name());
                }
                continue;
            }
            result.set(field.name(), convert(connector, field, value));
        }
        if (!missing.isEmpty()) {
            throw new ConnectorException("Config for connector '" + connector.name() + "' is missing required field"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                    + "; add " + (missing.size() > 1 ? "them" : "it") + " to --config-json.");
        }
        return result;
    }

    /** Every value of {@code config} that must never be shown: declared secrets and keys that {@linkplain Secrets#looksSecret look secret}. */
    public static List<String> secretValues(ConnectorInfo connector, ObjectNode config) {
        List<String> secrets = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            boolean declaredSecret = connector.field(entry.getKey()).map(ConfigField::secret).orElse(false);
            if ((declaredSecret || Secrets.looksSecret(entry.getKey())) && entry.getValue().isValueNode()) {
                secrets.add(entry.getValue().asText());
                secrets.addAll(embeddedPasswords(entry.getValue().asText()));
            }
        }
        return secrets;
    }

    /** The password part of URLs such as {@code postgresql://user:pass@host/db}. */
    private static List<String> embeddedPasswords(String value) {
        int scheme = value.indexOf("://");
        int at = value.indexOf('@', Math.max(scheme, 0));
        if (scheme < 0 || at < 0) {
            return List.of();
        }
        String userInfo = value.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        return colon < 0 ? List.of() : List.of(userInfo.substring(colon + 1));
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty());
    }

    private static JsonNode convert(ConnectorInfo connector, ConfigField field, JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (field.type()) {
            case "string":
                if (value.isValueNode()) {
                    return value.isTextual() ? value : nodes.textNode(value.asText());
                }
                break;
            case "integer":
                if (value.isIntegralNumber()) {
                    return value;
                }
                if (value.isTextual()) {
                    try {
                        return nodes.numberNode(new BigDecimal(value.textValue().trim()).toBigIntegerExact());
                    } catch (ArithmeticException | NumberFormatException e) {
                        // reported below
                    }
                }
                break;
            case "number":
                if (value.isNumber()) {
                    return value;
                }
                if (value.isTextual()) {
                    try {
                        return nodes.numberNode(new BigDecimal(value.textValue().trim()));
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                break;
            case "boolean":
                if (value.isBoolean()) {
                    return value;
                }
                if (value.isTextual() && ("true".equalsIgnoreCase(value.textValue()) || "false".equalsIgnoreCase(value.textValue()))) {
                    return nodes.booleanNode(Boolean.parseBoolean(value.textValue()));
                }
                break;
            case "object":
                if (value.isObject()) {
                    return value;
                }
                break;
            case "array":
                if (value.isArray()) {
                    return value;
                }
                break;
            default:
                return value;
        }
        String shown = field.secret() ? "a " + value.getNodeType().name().toLowerCase() + " value" : value.toString();
        throw new ConnectorException("Config field '" + field.name() + "' of connector '" + connector.name()
                + "' must be " + article(field.type()) + " " + field.type() + ", but is " + shown + ".");
    }

    private static String article(String type) {
        return type.startsWith("i") || type.startsWith("o") || type.startsWith("a") ? "an" : "a";
    }
}
