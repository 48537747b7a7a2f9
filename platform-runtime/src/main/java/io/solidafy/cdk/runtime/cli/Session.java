package io.solidafy.cdk.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.builtin.BuiltInPlugin;
import io.solidafy.cdk.runtime.config.ConfigLoader;
import io.solidafy.cdk.runtime.config.ConfigValidator;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginLoader;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.runtime.protocol.SecretMasker;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one CLI invocation shares: the protocol output, diagnostics, the loaded plugins and the
 * secrets to mask. Plugins are loaded on first use.
 */
final class Session {

    final ObjectMapper mapper;
    final ProtocolWriter protocol;
    final PrintStream stderr;
    private final CliOptions.Common common;
    private final Map<String, String> environment;
    private PluginRegistry registry;
    private ConnectorResolver resolver;

    Session(ObjectMapper mapper, ProtocolWriter protocol, PrintStream stderr, CliOptions.Common common, Map<String, String> environment) {
        this.mapper = mapper;
        this.protocol = protocol;
        this.stderr = stderr;
        this.common = common;
        this.environment = environment;
        protocol.setMinimumLevel(parseLevel(common.logLevel));
    }

    PluginRegistry registry() {
        if (registry == null) {
            Path dir = pluginsDir();
            PluginRegistry loaded = new PluginLoader(this::warn).load(dir);
            List<LoadedPlugin> plugins = new ArrayList<>();
            plugins.add(LoadedPlugin.of("runtime", new BuiltInPlugin(protocol)));
            plugins.addAll(loaded.plugins());
            registry = new PluginRegistry(plugins);
        }
        return registry;
    }

    ConnectorResolver resolver() {
        if (resolver == null) {
            resolver = new ConnectorResolver(registry(), this::warn, notice -> protocol.log(LogLevel.INFO, notice));
        }
        return resolver;
    }

    /** Reads, validates and completes the config, and from then on masks its secrets everywhere. */
    ObjectNode config(ResolvedConnector connector, CliOptions.Connector options) {
        ObjectNode raw = new ConfigLoader(mapper).config(options.configJson, options.configFile == null ? null : Path.of(options.configFile));
        protectSecrets(ConfigValidator.secretValues(connector.info(), raw));
        ObjectNode config = ConfigValidator.validate(connector.info(), raw);
        protectSecrets(ConfigValidator.secretValues(connector.info(), config));
        return config;
    }

    Source open(ResolvedConnector connector, ObjectNode config) {
        return connector.factory().open(connector.info(), config, sourceContext());
    }

    SourceContext sourceContext() {
        PluginRegistry plugins = registry();
        return new SourceContext() {
            @Override
            public void log(LogLevel level, String message) {
                protocol.log(level, message);
            }

            @Override
            public List<AuthenticatorFactory> authenticators() {
                return plugins.authenticators();
            }

            @Override
            public List<PaginatorFactory> paginators() {
                return plugins.paginators();
            }
        };
    }

    SecretMasker masker() {
        return protocol.masker();
    }

    /** A diagnostic line on stderr, secrets masked. */
    void warn(String message) {
        stderr.println(masker().mask("warning: " + message));
    }

    private void protectSecrets(List<String> secrets) {
        protocol.setMasker(protocol.masker().plus(secrets));
    }

    /** {@code --plugins-dir}, else {@code -Dsolidafy.plugins.dir}, else {@code $SOLIDAFY_HOME/plugins}, else {@code ./plugins-dir}. */
    private Path pluginsDir() {
        if (common.pluginsDir != null) {
            Path dir = Path.of(common.pluginsDir);
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

    private static LogLevel parseLevel(String level) {
        try {
            return LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-level must be DEBUG, INFO, WARN or ERROR, not '" + level + "'.");
        }
    }
}
