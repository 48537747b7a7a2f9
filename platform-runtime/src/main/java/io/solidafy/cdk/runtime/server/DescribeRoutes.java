package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.ops.Commands;
import io.solidafy.cdk.runtime.ops.ConnectorInput;
import io.solidafy.cdk.runtime.ops.Session;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /connectors}, {@code /connectors/{name}/streams}, {@code POST /streams}, {@code /check}
 * and {@code /discover}: the CLI's commands, whose one protocol message becomes the envelope's data.
 */
final class DescribeRoutes {

    private final CommandRunner runner;
    private final NetworkGuard guard;

    DescribeRoutes(CommandRunner runner, NetworkGuard guard) {
        this.runner = runner;
        this.guard = guard;
    }

    JsonNode connectors(ApiHandler.Exchange exchange) {
        return run(exchange, Commands::list);
    }

    /** @param config null when the route carries none (fixed stream lists need none) */
    JsonNode streams(ApiHandler.Exchange exchange, String connector, ObjectNode config) {
        guard.check(config);
        return run(exchange, commands -> commands.streams(input(connector, config)));
    }

    JsonNode check(ApiHandler.Exchange exchange, String connector, ObjectNode config) {
        guard.check(config);
        return run(exchange, commands -> commands.check(input(connector, config)));
    }

    JsonNode discover(ApiHandler.Exchange exchange, String connector, ObjectNode config, int sample) {
        guard.check(config);
        return run(exchange, commands -> commands.discover(input(connector, config), sample));
    }

    private JsonNode run(ApiHandler.Exchange exchange, Consumer<Commands> command) {
        MessageCollector collector = new MessageCollector(runner.mapper());
        Session session = runner.session(collector);
        try {
            command.accept(new Commands(session));
            session.protocol().flush();
        } finally {
            exchange.masker(session.masker());
        }
        return collector.answer().orElseThrow(() -> new IllegalStateException("the command wrote no answer"));
    }

    private ConnectorInput input(String connector, ObjectNode config) {
        try {
            return new ConnectorInput(connector, Optional.ofNullable(config == null ? null : runner.mapper().writeValueAsString(config)),
                    Optional.empty());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
