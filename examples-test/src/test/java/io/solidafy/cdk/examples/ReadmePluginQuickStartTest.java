package io.solidafy.cdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.RecordedApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's plugin quick start as written, in a stand-in checkout: from nothing to a YAML
 * connector paged by a freshly built custom paginator. Two substitutions only: the first command
 * ({@code mvn install} of the SPI and test kit) is done by seeding a throw-away Maven repository with
 * the same artifacts, so the user's {@code ~/.m2} is left alone; and the public SWAPI address is
 * replaced by a local server playing recorded SWAPI pages, since tests have no internet.
 */
class ReadmePluginQuickStartTest {

    private static final Path ROOT = Path.of(System.getProperty("solidafy.root"));
    private static final String INSTALL = "mvn -q install -DskipTests -pl platform-spi,platform-testkit -am";
    private static final String SWAPI_ADDRESS = "https://swapi-graphql.netlify.app";

    @RegisterExtension
    static final RecordedApi SWAPI = RecordedApi.fromDirectory(ROOT.resolve("examples/graphql-relay-paginator/src/test/resources/recorded/swapi"));

    private Path work;

    @AfterEach
    void removeWork() throws IOException {
        Checkout.deleteTree(work);
    }

    /** The commands of the README's quick start block, in order. */
    static List<String> quickStartCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int begin = readme.indexOf("<!-- plugin-quickstart:begin -->");
        int end = readme.indexOf("<!-- plugin-quickstart:end -->");
        assertTrue(begin >= 0 && end > begin, "README.md has the plugin quick start markers");
        String block = readme.substring(begin, end);
        block = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
        List<String> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                commands.add(line.strip());
            }
        }
        return commands;
    }

    @Test
    void theQuickStartBuildsAPaginatorAndReadsEveryPageWithIt() throws Exception {
        List<String> commands = quickStartCommands();
        assertEquals(INSTALL, commands.get(0), "the first step installs the SPI and the test kit");
        assertTrue(commands.get(commands.size() - 1).contains(SWAPI_ADDRESS), "the last step reads from SWAPI");

        work = Files.createTempDirectory("readme-quickstart");
        Checkout checkout = Checkout.create(Files.createDirectories(work.resolve("checkout")), List.of("plugin-declarative-yaml"));
        Shell shell = new Shell(checkout.root(), LocalMavenRepository.seed(Files.createDirectories(work.resolve("home"))));
        Shell.Result last = null;
        for (String command : commands.subList(1, commands.size())) {
            last = shell.run(command.replace(SWAPI_ADDRESS, SWAPI.baseUrl()));
            assertEquals(0, last.exitCode(), command + "\n" + last);
        }

        CommandResult read = new CommandResult(last.exitCode(), last.stdout(), last.stderr()).assertSucceeded();
        assertEquals(List.of("A New Hope", "The Empire Strikes Back", "Return of the Jedi", "The Phantom Menace", "Attack of the Clones",
                "Revenge of the Sith"), read.records("films").stream().map(f -> f.path("title").asText()).toList());
        assertEquals(3, SWAPI.requests().size(), "three pages of two films");
    }
}
