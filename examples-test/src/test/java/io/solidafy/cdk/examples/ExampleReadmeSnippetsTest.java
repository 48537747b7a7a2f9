package io.solidafy.cdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.testkit.InProcessCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML and JSON snippets of the examples' READMEs: JSON parses; YAML passes {@code validate},
 * a whole connector as it is, an {@code auth:} or {@code pagination:} block inside a minimal
 * connector. (docs/plugins.md's snippets are also run, in {@link ExamplesThroughLauncherTest}.)
 */
class ExampleReadmeSnippetsTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("solidafy.root"), "examples");

    @TempDir
    Path dir;

    @Test
    void everySnippetOfTheExamplesReadmesIsValid() throws IOException {
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            readmes = files.filter(f -> f.getFileName().toString().equals("README.md")).filter(f -> !f.toString().contains("/target/")).toList();
        }
        List<String> checked = new ArrayList<>();
        for (Path readme : readmes) {
            for (String json : DocSnippets.blocks(readme, "json")) {
                new ObjectMapper().readTree(json);
                checked.add(readme + " json");
            }
            int i = 0;
            for (String yaml : DocSnippets.blocks(readme, "yaml")) {
                Path file = Files.writeString(dir.resolve("snippet-" + checked.size() + "-" + i++ + ".yaml"), asConnector(yaml));
                InProcessCli.create().run("validate", "-c", file.toString()).assertSucceeded();
                checked.add(readme + " yaml");
            }
        }
        assertFalse(checked.isEmpty(), "the examples' READMEs have snippets");
    }

    /** A whole connector as it is; a component block inside the smallest connector that uses it. */
    private static String asConnector(String yaml) {
        if (yaml.contains("\nstreams:") || yaml.startsWith("streams:")) {
            return yaml;
        }
        String head = "name: snippet\nbase_url: \"https://api.example.com\"\n";
        if (yaml.startsWith("auth:")) {
            return head + yaml + "streams:\n  - name: items\n    request:\n      path: /items\n";
        }
        if (yaml.startsWith("pagination:")) {
            return head + "streams:\n  - name: items\n    request:\n      path: /items\n" + yaml.replaceAll("(?m)^", "    ");
        }
        throw new AssertionError("a YAML snippet that is neither a connector nor an auth or pagination block:\n" + yaml);
    }
}
