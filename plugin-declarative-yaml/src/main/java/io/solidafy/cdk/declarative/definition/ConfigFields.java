package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.template.Template;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config fields of a connector: its {@code spec} when present, else inferred from the {@code
 * config.X} references of its templates (required unless guarded by {@code default}; secret when the
 * name {@linkplain Secrets#looksSecret looks secret}). Stateless.
 */
public final class ConfigFields {

    private ConfigFields() {}

    public static List<ConfigField> of(JsonNode tree) {
        JsonNode spec = tree.get("spec");
        if (spec != null && spec.isArray()) {
            List<ConfigField> fields = new ArrayList<>();
            for (JsonNode field : spec) {
                JsonNode def = field.get("default");
                fields.add(new ConfigField(
                        field.get("name").asText(),
                        field.path("type").asText("string"),
                        field.path("required").asBoolean(def == null),
                        field.path("secret").asBoolean(looksSecret(field.get("name").asText())),
                        field.path("description").asText(""),
                        Optional.ofNullable(def == null || def.isNull() ? null : def)));
            }
            return fields;
        }
        Map<String, Boolean> required = new LinkedHashMap<>();
        collect(tree, required, false);
        // selective auth: each option is used only when its 'when' key is set, so its fields are optional
        JsonNode options = tree.path("auth").path("options");
        for (JsonNode option : options) {
            if (option.hasNonNull("when")) {
                required.merge(option.get("when").asText(), false, Boolean::logicalOr);
            }
            collect(option, required, true);
        }
        List<ConfigField> fields = new ArrayList<>();
        required.forEach((name, req) -> fields.add(new ConfigField(name, "string", req, looksSecret(name), "", Optional.empty())));
        return fields;
    }

    private static void collect(JsonNode node, Map<String, Boolean> required, boolean optional) {
        if (!optional && node.isObject() && "selective".equals(node.path("type").asText())) {
            return; // visited separately
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("{{")) {
                Template.parse(text).visitPaths((segments, guarded) -> {
                    if (segments.size() >= 2 && segments.get(0).equals("config")) {
                        required.merge(segments.get(1), !guarded && !optional, Boolean::logicalOr);
                    }
                });
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, required, optional));
        }
    }

    static boolean looksSecret(String name) {
        return Secrets.looksSecret(name);
    }
}
