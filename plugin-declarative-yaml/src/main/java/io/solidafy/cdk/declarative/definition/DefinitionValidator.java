package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.path.RecordPath;
import io.solidafy.cdk.declarative.template.Template;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.declarative.template.TemplateException;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed connector file and collects every problem, each with its location: unknown keys
 * (with a suggestion) and missing required keys, as the connector schema ({@link ConnectorSchema})
 * defines them; wrong types and values; and what a schema cannot say: template syntax, record-path
 * syntax and references between streams. Auth and pagination types
 * it does not know are assumed to come from a plugin and are checked when the connector opens.
 * One instance per validation.
 */
public final class DefinitionValidator {

    private static final Set<String> PATH_KEYS = Set.of("records_path", "cursor_path", "next_url_path", "token_path",
            "expires_in_path", "parent_field", "job_id_path", "status_path");

    private final YamlDocument document;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    public DefinitionValidator(YamlDocument document) {
        this.document = document;
    }

    /** Every problem of the document, in file order. */
    public List<DefinitionProblem> validate() {
        problems.addAll(document.problems());
        document.root().ifPresent(this::top);
        problems.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return List.copyOf(problems);
    }

    private void top(ObjectNode root) {
        keys(root, "", FormatKeys.TOP);
        requireText(root, "", "name");
        requireText(root, "", "base_url");
        optionalText(root, "", "version");
        optionalText(root, "", "description");
        optionalText(root, "", "category");
        if (root.has("aliases") && !isStringList(root.get("aliases"))) {
            problem("aliases", "must be a list of names.");
        }
        if (root.has("spec")) {
            spec(root.get("spec"));
        }
        if (root.has("auth")) {
            auth(root.get("auth"), "auth");
        }
        if (root.has("http")) {
            http(root.get("http"));
        }
        if (root.has("headers")) {
            map(root.get("headers"), "headers");
        }
        if (root.has("check")) {
            JsonNode check = root.get("check");
            if (object(check, "check")) {
                keys(check, "check", FormatKeys.CHECK);
                method(check, "check");
            }
        }
        JsonNode streams = root.get("streams");
        if (streams == null || streams.isNull()) {
            problem("", "streams is required: list at least one stream with a name and a request path.");
        } else if (!streams.isArray() || streams.isEmpty()) {
            problem("streams", "must be a non-empty list of streams.");
        } else {
            Set<String> names = new HashSet<>();
            for (JsonNode stream : streams) {
                if (stream.hasNonNull("name")) {
                    names.add(stream.get("name").asText());
                }
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < streams.size(); i++) {
                stream(streams.get(i), "streams[" + i + "]", names, seen);
            }
        }
        templates(root, "");
    }

    private void spec(JsonNode spec) {
        if (!spec.isArray()) {
            problem("spec", "must be a list of config fields, each {name, type, required, secret, description, default}.");
            return;
        }
        for (int i = 0; i < spec.size(); i++) {
            String at = "spec[" + i + "]";
            JsonNode field = spec.get(i);
            if (!object(field, at)) {
                continue;
            }
            keys(field, at, FormatKeys.SPEC_FIELD);
            requireText(field, at, "name");
            if (field.has("type") && !ConfigField.TYPES.contains(field.get("type").asText())) {
                problem(at + ".type", "'" + field.get("type").asText() + "' is not a config type; use one of " + sorted(ConfigField.TYPES) + ".");
            }
            bool(field, at, "required");
            bool(field, at, "secret");
        }
    }

    private void auth(JsonNode auth, String at) {
        if (!object(auth, at)) {
            return;
        }
        String type = auth.path("type").asText("");
        if (type.isEmpty()) {
            problem(at, "type is required (" + String.join(", ", sorted(FormatKeys.AUTH.keySet())) + " or a plugin's type).");
            return;
        }
        Set<String> allowed = FormatKeys.AUTH.get(type);
        if (allowed == null) {
            return; // a plugin's type: its keys are the plugin's business
        }
        keys(auth, at, allowed);
        for (String required : FormatKeys.AUTH_REQUIRED.getOrDefault(type, Set.of())) {
            if (!auth.hasNonNull(required)) {
                problem(at, "auth type '" + type + "' needs '" + required + "'.");
            }
        }
        if (type.equals("api_key") && auth.has("location")) {
            oneOf(auth, at, "location", Set.of("header", "query"));
        }
        if (type.equals("jwt") && !auth.has("secret") && !auth.has("private_key")) {
            problem(at, "auth type 'jwt' needs 'secret' (HS256/384/512) or 'private_key' (RS256).");
        }
        if (type.equals("selective")) {
            JsonNode options = auth.get("options");
            if (options != null && (!options.isArray() || options.isEmpty())) {
                problem(at + ".options", "must be a list of {when: <config key>, auth: {...}}.");
            } else if (options != null) {
                for (int i = 0; i < options.size(); i++) {
                    String optionAt = at + ".options[" + i + "]";
                    JsonNode option = options.get(i);
                    if (object(option, optionAt)) {
                        keys(option, optionAt, FormatKeys.SELECTIVE_OPTION);
                        if (!option.has("auth")) {
                            problem(optionAt, "needs 'auth'.");
                        } else {
                            auth(option.get("auth"), optionAt + ".auth");
                        }
                    }
                }
            }
        }
    }

    private void http(JsonNode http) {
        if (!object(http, "http")) {
            return;
        }
        keys(http, "http", FormatKeys.HTTP);
        for (String key : List.of("timeout_secs", "max_retries", "rate_limit_rps")) {
            if (http.has(key) && (!http.get(key).isNumber() || http.get(key).asDouble() < 0)) {
                problem("http." + key, "must be a number of 0 or more.");
            }
        }
    }

    private void stream(JsonNode stream, String at, Set<String> names, Set<String> seen) {
        if (!object(stream, at)) {
            return;
        }
        keys(stream, at, FormatKeys.STREAM);
        requireText(stream, at, "name");
        String name = stream.path("name").asText("");
        if (!name.isEmpty() && !seen.add(name)) {
            problem(at + ".name", "stream name '" + name + "' is used twice; stream names must be unique.");
        }
        JsonNode request = stream.get("request");
        boolean asyncJob = stream.path("partition").path("type").asText("").equals("async_job");
        if (request == null && !asyncJob) {
            problem(at, "request is required (at least request.path).");
        } else if (request != null && object(request, at + ".request")) {
            keys(request, at + ".request", FormatKeys.REQUEST);
            method(request, at + ".request");
            if (!request.has("path") && !asyncJob) {
                problem(at + ".request", "path is required.");
            }
        }
        if (stream.has("headers")) {
            map(stream.get("headers"), at + ".headers");
        }
        JsonNode decoder = stream.get("decoder");
        if (decoder != null && object(decoder, at + ".decoder")) {
            typed(decoder, at + ".decoder", FormatKeys.DECODER, "json", false);
        }
        JsonNode pagination = stream.get("pagination");
        if (pagination != null && object(pagination, at + ".pagination")) {
            String type = typed(pagination, at + ".pagination", FormatKeys.PAGINATION, null, true);
            if (pagination.has("stop")) {
                stop(pagination.get("stop"), at + ".pagination.stop");
            }
            if ("cursor".equals(type) && !pagination.has("cursor_path") && !pagination.has("cursor_header")) {
                problem(at + ".pagination", "cursor pagination needs cursor_path or cursor_header.");
            }
            if ("cursor".equals(type) && pagination.has("location")) {
                oneOf(pagination, at + ".pagination", "location", Set.of("query", "header", "body"));
            }
            if ("next_url".equals(type) && !pagination.has("next_url_path")) {
                problem(at + ".pagination", "next_url pagination needs next_url_path.");
            }
        }
        JsonNode partition = stream.get("partition");
        if (partition != null && object(partition, at + ".partition")) {
            partition(partition, at + ".partition", names, name);
        }
        for (String key : List.of("primary_key", "cursor_field")) {
            JsonNode value = stream.get(key);
            if (value != null && !value.isTextual() && !isStringList(value)) {
                problem(at + "." + key, "must be a field path or a list of field paths.");
            }
        }
        JsonNode incremental = stream.get("incremental");
        if (incremental != null && object(incremental, at + ".incremental")) {
            keys(incremental, at + ".incremental", FormatKeys.INCREMENTAL);
            if (incremental.has("lookback") && !Durations.valid(incremental.get("lookback").asText())) {
                problem(at + ".incremental.lookback", "'" + incremental.get("lookback").asText() + "' is not a duration; use e.g. 30m, 12h, 1d or 1w.");
            }
            bool(incremental, at + ".incremental", "client_side_filter");
        }
        JsonNode transform = stream.get("transform");
        if (transform != null && object(transform, at + ".transform")) {
            keys(transform, at + ".transform", FormatKeys.TRANSFORM);
            if (transform.has("add_fields")) {
                map(transform.get("add_fields"), at + ".transform.add_fields");
            }
            if (transform.has("remove_fields")) {
                JsonNode remove = transform.get("remove_fields");
                if (!isStringList(remove)) {
                    problem(at + ".transform.remove_fields", "must be a list of field paths.");
                } else {
                    for (int i = 0; i < remove.size(); i++) {
                        path(remove.get(i).asText(), at + ".transform.remove_fields[" + i + "]");
                    }
                }
            }
        }
    }

    private void partition(JsonNode partition, String at, Set<String> names, String self) {
        String type = typed(partition, at, FormatKeys.PARTITION, null, false);
        if (type == null) {
            return;
        }
        switch (type) {
            case "list" -> {
                requireText(partition, at, "field");
                if (!partition.has("values") || !partition.get("values").isArray()) {
                    problem(at, "list partition needs 'values' (a list).");
                }
            }
            case "parent" -> {
                requireText(partition, at, "stream");
                requireText(partition, at, "parent_field");
                String parent = partition.path("stream").asText("");
                if (!parent.isEmpty() && (!names.contains(parent) || parent.equals(self))) {
                    problem(at + ".stream", "parent stream '" + parent + "' is not another stream of this connector.");
                }
            }
            case "date_range" -> {
                requireText(partition, at, "start");
                requireText(partition, at, "step");
                if (partition.has("step") && !Durations.valid(partition.get("step").asText())) {
                    problem(at + ".step", "'" + partition.get("step").asText() + "' is not a duration; use e.g. 12h, 1d or 1w.");
                }
            }
            default -> {
                for (String part : List.of("create", "poll", "download")) {
                    if (!partition.has(part)) {
                        problem(at, "async_job partition needs '" + part + "'.");
                    }
                }
                sub(partition, at, "create", FormatKeys.ASYNC_CREATE);
                sub(partition, at, "poll", FormatKeys.ASYNC_POLL);
                sub(partition, at, "download", FormatKeys.ASYNC_DOWNLOAD);
                if (partition.path("create").isObject()) {
                    method(partition.get("create"), at + ".create");
                    requireText(partition.get("create"), at + ".create", "job_id_path");
                }
                if (partition.path("poll").isObject()) {
                    requireText(partition.get("poll"), at + ".poll", "status_path");
                    requireText(partition.get("poll"), at + ".poll", "completed_value");
                }
            }
        }
    }

    private void sub(JsonNode parent, String at, String key, Set<String> allowed) {
        JsonNode node = parent.get(key);
        if (node != null && object(node, at + "." + key)) {
            keys(node, at + "." + key, allowed);
            if (!node.has("path")) {
                problem(at + "." + key, "path is required.");
            }
        }
    }

    private void stop(JsonNode stop, String at) {
        if (!object(stop, at)) {
            return;
        }
        keys(stop, at, FormatKeys.STOP);
        String type = stop.path("type").asText("empty_page");
        if (!FormatKeys.STOP_TYPES.contains(type)) {
            problem(at + ".type", "unknown stop type '" + type + "'" + suggestion(type, FormatKeys.STOP_TYPES) + "; use one of "
                    + sorted(FormatKeys.STOP_TYPES) + ".");
        } else if (!type.equals("empty_page") && !stop.has("path")) {
            problem(at, "stop type '" + type + "' needs 'path'.");
        } else if (type.equals("field") && !stop.has("value")) {
            problem(at, "stop type 'field' needs 'value' (the value that means the last page, e.g. false).");
        }
    }

    /** Checks a component's type and keys; returns the type, or null when unusable. */
    private String typed(JsonNode node, String at, Map<String, Set<String>> types, String defaultType, boolean pluginTypesAllowed) {
        String type = node.path("type").asText(defaultType == null ? "" : defaultType);
        if (type.isEmpty()) {
            problem(at, "type is required; use one of " + sorted(types.keySet()) + ".");
            return null;
        }
        Set<String> allowed = types.get(type);
        if (allowed == null) {
            if (!pluginTypesAllowed) {
                problem(at + ".type", "unknown type '" + type + "'" + suggestion(type, types.keySet()) + "; use one of " + sorted(types.keySet()) + ".");
            }
            return null;
        }
        keys(node, at, allowed);
        return type;
    }

    private void method(JsonNode node, String at) {
        if (node.has("method") && !FormatKeys.METHODS.contains(node.get("method").asText().toUpperCase(Locale.ROOT))) {
            problem(at + ".method", "'" + node.get("method").asText() + "' is not supported; use GET, POST, PUT, PATCH or DELETE.");
        }
    }

    /** Parses every template string and every record path of the document. */
    private void templates(JsonNode node, String at) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.contains("{{")) {
                try {
                    Template template = Template.parse(text);
                    template.visitCalls(name -> {
                        if (!TemplateEngine.FUNCTIONS.contains(name)) {
                            problem(at, "unknown template function or filter '" + name + "'" + suggestion(name, TemplateEngine.FUNCTIONS) + ".");
                        }
                    });
                } catch (TemplateException e) {
                    problem(at, e.getMessage());
                }
            }
            String key = at.contains(".") ? at.substring(at.lastIndexOf('.') + 1) : at;
            if (PATH_KEYS.contains(key) || at.endsWith(".stop.path")) {
                path(text, at);
            }
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                templates(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                templates(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private void path(String text, String at) {
        try {
            RecordPath.parse(text);
        } catch (IllegalArgumentException e) {
            problem(at, e.getMessage() + ".");
        }
    }

    private void keys(JsonNode node, String at, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                String hint = suggestion(key, allowed);
                problem(at.isEmpty() ? key : at + "." + key, hint.isEmpty() ? "unknown key; allowed here: " + sorted(allowed) + "." : "unknown key" + hint);
            }
        }
    }

    private boolean object(JsonNode node, String at) {
        if (!node.isObject()) {
            problem(at, "must be a mapping (key: value lines).");
            return false;
        }
        return true;
    }

    private void map(JsonNode node, String at) {
        if (!object(node, at)) {
            return;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isContainerNode() && !isStringList(e.getValue())) {
                problem(at + "." + e.getKey(), "must be a text value (a template) or a list of them.");
            }
        });
    }

    private void requireText(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            problem(at, key + " is required.");
        } else if (!value.isValueNode() || value.asText().isBlank()) {
            problem(at.isEmpty() ? key : at + "." + key, "must be a non-empty text value.");
        }
    }

    private void optionalText(JsonNode node, String at, String key) {
        if (node.has(key) && !node.get(key).isValueNode()) {
            problem(at.isEmpty() ? key : at + "." + key, "must be a text value.");
        }
    }

    private void bool(JsonNode node, String at, String key) {
        if (node.has(key) && !node.get(key).isBoolean()) {
            problem(at + "." + key, "must be true or false.");
        }
    }

    private void oneOf(JsonNode node, String at, String key, Set<String> values) {
        String value = node.get(key).asText();
        if (!values.contains(value)) {
            problem(at + "." + key, "'" + value + "' is not allowed; use one of " + sorted(values) + ".");
        }
    }

    private static boolean isStringList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private void problem(String path, String message) {
        int[] at = document.locate(path);
        problems.add(new DefinitionProblem(path, at[0], at[1], message));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** {@code ; did you mean 'x'?} for the closest allowed word, or empty. */
    static String suggestion(String word, Set<String> allowed) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int score;
            if (word.startsWith(candidate) || candidate.startsWith(word)) {
                score = Math.abs(word.length() - candidate.length()) / 4;
            } else {
                score = distance(word, candidate);
                if (score > Math.max(2, candidate.length() / 3)) {
                    continue;
                }
            }
            if (score < bestScore || (score == bestScore && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestScore = score;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
