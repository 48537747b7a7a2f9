package io.solidafy.cdk.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces secret values by {@code ***} in text and JSON trees: the one place that keeps secrets out
 * of logs, errors and responses. Each secret is also masked in its URL-encoded and Base64 forms,
 * since that is how it appears in URLs and basic-auth headers. Immutable and thread-safe.
 */
public final class SecretMasker {

    public static final String MASK = "***";
    /** Shorter values (e.g. "1", "yes") are not secrets worth masking and would garble output. */
    private static final int MIN_SECRET_LENGTH = 4;

    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> needles;

    private SecretMasker(List<String> needles) {
        this.needles = needles;
    }

    public static SecretMasker none() {
        return NONE;
    }

    /** A masker for these secret values (blank and very short values are ignored). */
    public static SecretMasker of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> sorted = new ArrayList<>(forms);
        // Longest first, so a secret containing another is masked whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(sorted));
    }

    /** A masker that masks both this one's secrets and {@code more}. */
    public SecretMasker plus(Collection<String> more) {
        List<String> all = new ArrayList<>(needles);
        all.addAll(more);
        return of(all);
    }

    public String mask(String text) {
        if (text == null || needles.isEmpty()) {
            return text;
        }
        String result = text;
        for (String needle : needles) {
            if (result.contains(needle)) {
                result = result.replace(needle, MASK);
            }
        }
        return result;
    }

    /** The stack trace of {@code error} as text, secrets masked (for stderr diagnostics). */
    public String stackTrace(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return mask(trace.toString());
    }

    /** Masks every string (values and field names) of a JSON tree, in place, and returns it. */
    public JsonNode mask(JsonNode node) {
        if (needles.isEmpty() || node == null) {
            return node;
        }
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
