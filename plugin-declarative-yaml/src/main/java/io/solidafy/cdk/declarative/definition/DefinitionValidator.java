package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.path.RecordPath;
import io.solidafy.cdk.declarative.template.Template;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.declarative.template.TemplateException;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed connector file and collects every problem, each with its location. The structure
 * (unknown and missing keys, kinds of values, allowed values) is checked against the connector
 * schema by {@link SchemaChecks}; this class adds what a schema cannot say: template syntax, record
 * paths, durations, references between streams and keys that depend on each other. Auth and
 * pagination types the schema does not describe come from plugins, which check their keys when the
 * connector opens. One instance per validation.
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
        document.root().ifPresent(root -> {
            new SchemaChecks(ConnectorSchema.get()).check(root, this::problem);
            semantics(root);
        });
        problems.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return List.copyOf(problems);
    }

    private void semantics(ObjectNode root) {
        auth(root.path("auth"), "auth");
        JsonNode streams = root.path("streams");
        Set<String> names = new HashSet<>();
        streams.forEach(stream -> names.add(stream.path("name").asText("")));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).isObject()) {
                stream(streams.get(i), "streams[" + i + "]", names, seen);
            }
        }
        templates(root, "");
    }

    private void auth(JsonNode auth, String at) {
        String type = auth.path("type").asText("");
        if (type.equals("jwt") && !auth.has("secret") && !auth.has("private_key")) {
            problem(at, "auth type 'jwt' needs 'secret' (HS256/384/512) or 'private_key' (RS256).");
        }
        if (type.equals("selective")) {
            JsonNode options = auth.path("options");
            for (int i = 0; i < options.size(); i++) {
                auth(options.get(i).path("auth"), at + ".options[" + i + "].auth");
            }
        }
    }

    private void stream(JsonNode stream, String at, Set<String> names, Set<String> seen) {
        String name = stream.path("name").asText("");
        if (!name.isEmpty() && !seen.add(name)) {
            problem(at + ".name", "stream name '" + name + "' is used twice; stream names must be unique.");
        }
        boolean asyncJob = stream.path("partition").path("type").asText("").equals("async_job");
        JsonNode request = stream.get("request");
        if (!asyncJob && (request == null || request.isNull())) {
            problem(at, "request is required (at least request.path).");
        } else if (!asyncJob && request.isObject() && !request.hasNonNull("path")) {
            problem(at + ".request", "path is required.");
        }
        JsonNode pagination = stream.path("pagination");
        if (pagination.path("type").asText("").equals("cursor") && !pagination.has("cursor_path") && !pagination.has("cursor_header")) {
            problem(at + ".pagination", "cursor pagination needs cursor_path or cursor_header.");
        }
        if (pagination.path("stop").isObject()) {
            stop(pagination.get("stop"), at + ".pagination.stop");
        }
        JsonNode partition = stream.path("partition");
        String parent = partition.path("stream").asText("");
        if (partition.path("type").asText("").equals("parent") && !parent.isEmpty() && (!names.contains(parent) || parent.equals(name))) {
            problem(at + ".partition.stream", "parent stream '" + parent + "' is not another stream of this connector.");
        }
        duration(partition.get("step"), at + ".partition.step");
        duration(stream.path("incremental").get("lookback"), at + ".incremental.lookback");
        JsonNode remove = stream.path("transform").path("remove_fields");
        for (int i = 0; i < remove.size(); i++) {
            if (remove.get(i).isTextual()) {
                path(remove.get(i).asText(), at + ".transform.remove_fields[" + i + "]");
            }
        }
    }

    private void stop(JsonNode stop, String at) {
        String type = stop.path("type").asText("empty_page");
        if (!type.equals("empty_page") && !stop.has("path")) {
            problem(at, "stop type '" + type + "' needs 'path'.");
        } else if (type.equals("field") && !stop.has("value")) {
            problem(at, "stop type 'field' needs 'value' (the value that means the last page, e.g. false).");
        }
    }

    private void duration(JsonNode value, String at) {
        if (value != null && value.isTextual() && !Durations.valid(value.asText())) {
            problem(at, "'" + value.asText() + "' is not a duration; use e.g. 30m, 12h, 1d or 1w.");
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

    private void problem(String path, String message) {
        int[] at = document.locate(path);
        problems.add(new DefinitionProblem(path, at[0], at[1], message));
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
