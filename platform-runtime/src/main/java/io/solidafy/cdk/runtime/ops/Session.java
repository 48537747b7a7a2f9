package io.solidafy.cdk.runtime.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.config.ConfigLoader;
import io.solidafy.cdk.runtime.config.ConfigValidator;
import io.solidafy.cdk.runtime.lifecycle.Interruption;
import io.solidafy.cdk.runtime.plugin.ConnectorIndex;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one command shares, whether it came from the command line or from an HTTP request: the
 * protocol output (stdout, a response stream or a collector), diagnostics, the platform's plugins,
 * the secrets to mask and cancellation.
 */
public final class Session {

    final ObjectMapper mapper;
    final ProtocolWriter protocol;
    final PrintStream stderr;
    final Interruption interruption;
    private final Platform platform;
    private final List<Runnable> cancelListeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private PluginRegistry registry;

    /** A session that no signal interrupts (the server cancels through {@link #cancel()}). */
    public Session(ObjectMapper mapper, ProtocolWriter protocol, PrintStream stderr, Platform platform) {
        this(mapper, protocol, stderr, platform, new Interruption());
    }

    /** A CLI session: SIGTERM and SIGINT stop a running sync through {@code interruption}. */
    public Session(ObjectMapper mapper, ProtocolWriter protocol, PrintStream stderr, Platform platform, Interruption interruption) {
        this.mapper = mapper;
        this.interruption = interruption;
        this.protocol = protocol;
        this.stderr = stderr;
        this.platform = platform;
    }

    public ProtocolWriter protocol() {
        return protocol;
    }

    synchronized PluginRegistry registry() {
        if (registry == null) {
            registry = platform.registry(protocol);
        }
        return registry;
    }

    /** Connector metadata for list and spec, from the plugin index where it is current (plugins are loaded otherwise). */
    List<ConnectorIndex.Entry> indexedConnectors() {
        return platform.connectors();
    }

    ConnectorResolver resolver() {
        return platform.resolver();
    }

    /** Reads, validates and completes the config, and from then on masks its secrets everywhere. */
    ObjectNode config(ResolvedConnector connector, ConnectorInput input) {
        ObjectNode raw = new ConfigLoader(mapper).config(input.configJson().orElse(null), input.configFile().map(Path::of).orElse(null));
        return validConfig(connector, raw);
    }

    /** Validates and completes a parsed config, and from then on masks its secrets everywhere. */
    public ObjectNode validConfig(ResolvedConnector connector, ObjectNode raw) {
        protectSecrets(ConfigValidator.secretValues(connector.info(), raw));
        ObjectNode config;
        try {
            config = ConfigValidator.validate(connector.info(), raw);
        } catch (ConnectorException e) {
            throw new InvalidConfigException(e.getMessage());
        }
        protectSecrets(ConfigValidator.secretValues(connector.info(), config));
        return config;
    }

    /** Resolves a connector reference under the platform's resolution rules. */
    public ResolvedConnector resolve(String reference) {
        return resolver().resolve(reference);
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

            @Override
            public io.solidafy.cdk.spi.Secrets secrets() {
                return masker().secrets();
            }
        };
    }

    public SecretMasker masker() {
        return protocol.masker();
    }

    /** A diagnostic line on stderr, secrets masked. */
    void warn(String message) {
        platform.warn(masker().mask(message));
    }

    /** Asks a running sync to stop after its current record (client gone, server stopping). */
    public void cancel() {
        cancelled = true;
        cancelListeners.forEach(Runnable::run);
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Runs {@code listener} on {@link #cancel()}, at once if that already happened. */
    void onCancel(Runnable listener) {
        cancelListeners.add(listener);
        if (cancelled) {
            listener.run();
        }
    }

    private void protectSecrets(List<String> secrets) {
        protocol.setMasker(protocol.masker().plus(secrets));
    }

    /** The lowest LOG level written, from {@code --log-level}. */
    public static LogLevel parseLevel(String level) {
        try {
            return LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--log-level must be DEBUG, INFO, WARN or ERROR, not '" + level + "'.");
        }
    }
}
