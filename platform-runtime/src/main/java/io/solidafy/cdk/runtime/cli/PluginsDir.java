package io.solidafy.cdk.runtime.cli;

import io.solidafy.cdk.spi.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where plugins are loaded from. */
final class PluginsDir {

    private PluginsDir() {}

    /** {@code --plugins-dir}, else {@code -Dsolidafy.plugins.dir}, else {@code $SOLIDAFY_HOME/plugins}, else {@code ./plugins-dir}. */
    static Path resolve(String option, Map<String, String> environment) {
        if (option != null) {
            Path dir = Path.of(option);
            if (!Files.isDirectory(dir)) {
                throw new ConnectorException("Plugins directory " + dir + " does not exist.");
            }
            return dir;
        }
        String property = System.getProperty("solidafy.plugins.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String home = environment.get("SOLIDAFY_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "plugins");
        }
        return Path.of("plugins-dir");
    }
}
