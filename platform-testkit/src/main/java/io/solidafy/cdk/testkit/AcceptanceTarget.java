package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ConnectorAcceptanceTest} runs against: a connector, a config that works, optionally
 * the same config with credentials the API rejects, and the streams to read.
 *
 * <pre>{@code
 * AcceptanceTarget.of("stripe", config)
 *         .withBadCredentials(configWithRevokedKey)
 *         .withStreams("customers", "invoices");
 * }</pre>
 *
 * @param connector      a connector name, alias or definition file, as {@code --connector} takes it
 * @param config         a config the connector can read with
 * @param badCredentials the config with credentials the API rejects; empty for a connector without
 *                       credentials
 * @param streams        the streams to read; empty for every stream
 * @param cli            the CLI that runs the commands (and so which plugins are loaded)
 */
public record AcceptanceTarget(
        String connector,
        ObjectNode config,
        Optional<ObjectNode> badCredentials,
        List<String> streams,
        InProcessCli cli) {

    public AcceptanceTarget {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(config, "config");
        badCredentials = badCredentials == null ? Optional.empty() : badCredentials;
        streams = streams == null ? List.of() : List.copyOf(streams);
        Objects.requireNonNull(cli, "cli");
    }

    /** Every stream of a connector, run by a CLI that loads the class path's plugins. */
    public static AcceptanceTarget of(String connector, ObjectNode config) {
        return new AcceptanceTarget(connector, config, Optional.empty(), List.of(), InProcessCli.create());
    }

    public AcceptanceTarget withBadCredentials(ObjectNode rejectedConfig) {
        return new AcceptanceTarget(connector, config, Optional.of(rejectedConfig), streams, cli);
    }

    public AcceptanceTarget withStreams(String... names) {
        return new AcceptanceTarget(connector, config, badCredentials, List.of(names), cli);
    }

    public AcceptanceTarget withCli(InProcessCli runner) {
        return new AcceptanceTarget(connector, config, badCredentials, streams, runner);
    }

    /** {@code read} arguments after the connector and config: the stream selection. */
    String[] streamOptions() {
        return streams.isEmpty() ? new String[0] : new String[] {"--streams", String.join(",", streams)};
    }
}
