package io.solidafy.cdk.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.spi.Secrets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Replaces secret values by {@code ***} in text and JSON trees: the runtime's face of the platform's
 * one secret policy, {@link Secrets} (which says which forms and lengths are masked). Immutable and
 * thread-safe.
 */
public final class SecretMasker {

    public static final String MASK = Secrets.MASK;

    private static final SecretMasker NONE = new SecretMasker(Secrets.none());

    private final Secrets secrets;

    private SecretMasker(Secrets secrets) {
        this.secrets = secrets;
    }

    public static SecretMasker none() {
        return NONE;
    }

    /** A masker for these secret values (null and empty values are ignored). */
    public static SecretMasker of(Collection<String> secrets) {
        return new SecretMasker(Secrets.of(secrets));
    }

    /** A masker that masks both this one's secrets and {@code more}. */
    public SecretMasker plus(Collection<String> more) {
        return new SecretMasker(secrets.plus(more));
    }

    /** The policy itself, as offered to plugins. */
    public Secrets secrets() {
        return secrets;
    }

    public String mask(String text) {
        return secrets.mask(text);
    }

    /** The stack trace of {@code error} as text, secrets masked (for stderr diagnostics). */
    public String stackTrace(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return mask(trace.toString());
    }

    /** Masks every string (values and field names) of a JSON tree, in place, and returns it. */
    public JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            object.fields().forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> entry : entries) {
                JsonNode value = entry.getValue();
                String maskedName = mask(entry.getKey());
                JsonNode maskedValue = value.isTextual() ? TextNode.valueOf(mask(value.textValue())) : mask(value);
                if (!maskedName.equals(entry.getKey())) {
                    object.remove(entry.getKey());
                }
                object.set(maskedName, maskedValue);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.set(i, value.isTextual() ? TextNode.valueOf(mask(value.textValue())) : mask(value));
            }
        }
        return node;
    }
}
