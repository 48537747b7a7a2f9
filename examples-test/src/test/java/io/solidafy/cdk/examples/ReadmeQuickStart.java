package io.solidafy.cdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's plugin quick start: the commands of the bash block between the {@code
 * plugin-quickstart} markers, in order, comments left out.
 */
record ReadmeQuickStart(List<String> commands) {

    /** Its first command; the test seeds a throw-away repository with the same artifacts instead. */
    static final String INSTALL = "mvn -q install -DskipTests -pl platform-spi,platform-testkit -am";
    /** The public API its last command reads; the test plays recorded pages of it instead. */
    static final String SWAPI_ADDRESS = "https://swapi-graphql.netlify.app";

    static ReadmeQuickStart read(Path readme) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf("<!-- plugin-quickstart:begin -->");
        int end = text.indexOf("<!-- plugin-quickstart:end -->");
        if (begin < 0 || end < begin) {
            throw new AssertionError(readme + " lacks the plugin-quickstart markers");
        }
        String block = text.substring(begin, end);
        block = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
        List<String> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                commands.add(line.strip());
            }
        }
        if (commands.isEmpty() || !commands.get(0).equals(INSTALL)) {
            throw new AssertionError("the quick start no longer starts with: " + INSTALL + "\n" + commands);
        }
        return new ReadmeQuickStart(List.copyOf(commands));
    }

    /** Every command after the install, with the SWAPI address replaced by {@code swapiBaseUrl}, run in order; the last one's result. */
    Shell.Result runAfterInstall(Shell shell, String swapiBaseUrl) throws IOException, InterruptedException {
        Shell.Result last = null;
        for (String command : commands.subList(1, commands.size())) {
            last = shell.run(command.replace(SWAPI_ADDRESS, swapiBaseUrl));
            if (last.exitCode() != 0) {
                throw new AssertionError("README quick start step failed: " + command + "\n" + last);
            }
        }
        return last;
    }
}
