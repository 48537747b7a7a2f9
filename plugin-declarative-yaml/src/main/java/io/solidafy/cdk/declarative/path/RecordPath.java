package io.solidafy.cdk.declarative.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A record path: optional {@code $.} prefix, dot-separated keys, {@code [i]} indexes (negative from
 * the end, {@code data[-1].id}), {@code [*]} for every element and {@code ['odd key']}. The one
 * evaluator behind records_path, cursor_path, token_path, stop paths and field paths. Immutable.
 */
public final class RecordPath {

    /** One step of a path. */
    public sealed interface Step permits Key, Index, Wildcard {}

    /** An object key. */
    public record Key(String name) implements Step {}

    /** An array index; negative counts from the end. */
    public record Index(int index) implements Step {}

    /** Every element of an array (or every value of an object). */
    public record Wildcard() implements Step {}

    private final String text;
    private final List<Step> steps;

    private RecordPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static RecordPath parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a path is required");
        }
        String s = text.trim();
        if (s.startsWith("$")) {
            s = s.substring(1);
            if (s.startsWith(".")) {
                s = s.substring(1);
            }
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == 0 || i + 1 >= n || s.charAt(i + 1) == '.') {
                    throw new IllegalArgumentException("path '" + text + "' has an empty key");
                }
                i++;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path '" + text + "' has an unclosed '['");
                }
                String inner = s.substring(i + 1, close).trim();
                if (inner.equals("*")) {
                    steps.add(new Wildcard());
                } else if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'") || inner.startsWith("\"") && inner.endsWith("\""))) {
                    steps.add(new Key(inner.substring(1, inner.length() - 1)));
                } else {
                    try {
                        steps.add(new Index(Integer.parseInt(inner)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("path '" + text + "' has '[" + inner + "]'; use [n], [-n] or [*]");
                    }
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < n && s.charAt(end) != '.' && s.charAt(end) != '[') {
                    end++;
                }
                String key = s.substring(i, end);
                steps.add(key.equals("*") ? new Wildcard() : new Key(key));
                i = end;
            }
        }
        return new RecordPath(text, steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** True when the path is only object keys (streamable). */
    public boolean onlyKeys() {
        return steps.stream().allMatch(Key.class::isInstance);
    }

    /** The keys of a key-only path. */
    public List<String> keys() {
        return steps.stream().filter(Key.class::isInstance).map(s -> ((Key) s).name()).toList();
    }

    /** True when the path may select several nodes. */
    public boolean multi() {
        return steps.stream().anyMatch(Wildcard.class::isInstance);
    }

    /** Every node the path selects, in document order; missing parts select nothing. */
    public List<JsonNode> selectAll(JsonNode document) {
        List<JsonNode> current = new ArrayList<>();
        if (document != null) {
            current.add(document);
        }
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step instanceof Key key) {
                    JsonNode child = node.isObject() ? node.get(key.name()) : null;
                    if (child != null) {
                        next.add(child);
                    }
                } else if (step instanceof Index index) {
                    if (node.isArray()) {
                        int at = index.index() < 0 ? node.size() + index.index() : index.index();
                        if (at >= 0 && at < node.size()) {
                            next.add(node.get(at));
                        }
                    }
                } else if (node.isContainerNode()) {
                    node.elements().forEachRemaining(next::add);
                }
            }
            current = next;
        }
        return current;
    }

    /** The first selected node, if any (a JSON null counts as present). */
    public Optional<JsonNode> select(JsonNode document) {
        List<JsonNode> all = selectAll(document);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public String toString() {
        return text;
    }
}
