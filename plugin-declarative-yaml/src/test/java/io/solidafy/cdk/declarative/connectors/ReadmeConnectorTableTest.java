package io.solidafy.cdk.declarative.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the connector table of README.md equal to what the definitions declare: the table is
 * regenerated from the {@code list} output and compared with the section between the markers.
 * On a difference the test prints the expected section, ready to paste.
 */
class ReadmeConnectorTableTest extends ConnectorTestBase {

    private static final String BEGIN = "<!-- connectors:begin -->";
    private static final String END = "<!-- connectors:end -->";

    @Test
    void readmeTableMatchesTheDefinitions() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md lacks the " + BEGIN + " / " + END + " markers");
        String actual = text.substring(begin + BEGIN.length(), end).strip();

        String expected = table();
        if (!expected.equals(actual)) {
            System.out.println("Expected README.md section (paste between the markers):\n" + BEGIN + "\n" + expected + "\n" + END);
        }
        assertEquals(expected, actual, "README.md connector table is out of date; the expected section is printed on stdout");
    }

    /** The section as generated from {@code list}, in the order of connectors/index.txt. */
    private String table() {
        CliResult result = cli("list");
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        result.last("CONNECTORS").orElseThrow().path("connectors").forEach(c -> listed.put(c.path("name").asText(), c));

        StringBuilder out = new StringBuilder();
        out.append("Built-in REST connectors (generated from the definitions in ")
                .append("`plugin-declarative-yaml/src/main/resources/connectors/`; ")
                .append("`ReadmeConnectorTableTest` fails when this table is out of date). ")
                .append("Config fields marked * are required; `base_url` overrides the API address (proxies, regional endpoints, tests).\n\n");
        out.append("| Connector | Aliases | Category | Config fields | Streams |\n");
        out.append("|---|---|---|---|---|\n");
        for (String name : BuiltInConnectors.names()) {
            JsonNode connector = listed.get(name);
            assertTrue(connector != null, name + " is not listed");
            List<String> aliases = new ArrayList<>();
            connector.path("aliases").forEach(a -> aliases.add("`" + a.asText() + "`"));
            List<String> fields = new ArrayList<>();
            for (JsonNode field : connector.path("config_schema")) {
                StringBuilder f = new StringBuilder("`").append(field.path("name").asText()).append("`");
                if (field.path("required").asBoolean()) {
                    f.append("*");
                }
                List<String> notes = new ArrayList<>();
                notes.add(field.path("type").asText());
                if (field.path("secret").asBoolean()) {
                    notes.add("secret");
                }
                if (!field.path("default").isNull() && !field.path("default").isMissingNode()) {
                    notes.add("default `" + field.path("default").asText() + "`");
                }
                f.append(" (").append(String.join(", ", notes)).append(")");
                fields.add(f.toString());
            }
            List<String> streams = new ArrayList<>();
            connector.path("streams").forEach(s -> streams.add(s.asText()));
            out.append("| `").append(name).append("` | ")
                    .append(aliases.isEmpty() ? "—" : String.join(", ", aliases)).append(" | ")
                    .append(cell(connector.path("category").asText())).append(" | ")
                    .append(cell(String.join(", ", fields))).append(" | ")
                    .append(cell(String.join(", ", streams))).append(" |\n");
        }
        return out.toString().strip();
    }

    /** Pipes would end a Markdown table cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
