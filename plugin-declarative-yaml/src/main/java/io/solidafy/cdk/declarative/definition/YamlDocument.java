package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML file as a Jackson tree plus the line and column of every key and value, so problems can
 * be located ({@code streams[2].pagination: line 14}). Immutable once parsed.
 *
 * @param root      the document (an object), or empty when it could not be parsed
 * @param locations path ({@code streams[2].pagination.type}) to {line, column}, both 1-based
 * @param problems  syntax problems (unparseable YAML, duplicate keys)
 */
public record YamlDocument(Optional<ObjectNode> root, Map<String, int[]> locations, List<DefinitionProblem> problems) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Parses YAML text; never throws for bad YAML (problems are the answer). */
    public static YamlDocument parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with a location
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node node;
        try {
            node = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            return failed(new DefinitionProblem("", mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "The file is not valid YAML: " + what + "."));
        } catch (YAMLException e) {
            return failed(new DefinitionProblem("", 0, 0, "The file is not valid YAML: " + e.getMessage() + "."));
        }
        if (node == null) {
            return failed(new DefinitionProblem("", 1, 1, "The file is empty; a connector needs at least name, base_url and streams."));
        }
        Map<String, int[]> locations = new HashMap<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode tree = convert(node, "", locations, problems);
        if (!tree.isObject()) {
            problems.add(new DefinitionProblem("", line(node), column(node), "The file must be a YAML mapping (name:, base_url:, streams:, ...)."));
            return new YamlDocument(Optional.empty(), locations, problems);
        }
        return new YamlDocument(Optional.of((ObjectNode) tree), locations, problems);
    }

    private static YamlDocument failed(DefinitionProblem problem) {
        return new YamlDocument(Optional.empty(), Map.of(), List.of(problem));
    }

    /** The {line, column} of a path, or of its nearest located ancestor. */
    public int[] locate(String path) {
        String p = path;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private static JsonNode convert(Node node, String path, Map<String, int[]> locations, List<DefinitionProblem> problems) {
        locations.putIfAbsent(path, new int[] {line(node), column(node)});
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            ObjectNode merged = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    // '<<: *defaults' (a mapping or a list of them); explicit keys of this mapping win
                    JsonNode value = convert(tuple.getValueNode(), path, locations, problems);
                    for (JsonNode source : value.isArray() ? value : NODES.arrayNode().add(value)) {
                        if (source.isObject()) {
                            source.properties().forEach(e -> merged.putIfAbsent(e.getKey(), e.getValue()));
                        }
                    }
                    continue;
                }
                String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode);
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (object.has(key)) {
                    problems.add(new DefinitionProblem(childPath, line(keyNode), column(keyNode), "duplicate key '" + key + "'."));
                    continue;
                }
                locations.put(childPath, new int[] {line(keyNode), column(keyNode)});
                object.set(key, convert(tuple.getValueNode(), childPath, locations, problems));
            }
            merged.properties().forEach(e -> object.putIfAbsent(e.getKey(), e.getValue().deepCopy()));
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            var array = NODES.arrayNode();
            int i = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, path + "[" + i++ + "]", locations, problems));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
            }
            if (Tag.INT.equals(tag)) {
                BigInteger number = new BigInteger(value.replace("_", ""));
                return number.bitLength() < 63 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
            }
            if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(Double.parseDouble(value.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
        return NODES.textNode(value);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static int column(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getColumn() + 1;
    }
}
