package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.ops.Commands;
import io.solidafy.cdk.runtime.ops.ConnectorInput;
import io.solidafy.cdk.runtime.ops.Session;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /connectors}, {@code /connectors/{name}/streams}, {@code POST /streams}, {@code /check}
 * and {@code /discover}: the CLI's commands, whose one protocol message becomes the envelope's data.
 */
final class DescribeRoutes {

    private final CommandRunner runner;
    private final NetworkGuard guard;
    private final Duration timeout;
    private final ExecutorService workers;

    /**
     * @param timeout longest a command may take before the request is answered with 503; zero: no limit
     * @param workers where commands run, so that a request can be answered when its command hangs
     */
    DescribeRoutes(CommandRunner runner, NetworkGuard guard, Duration timeout, ExecutorService workers) {
        this.runner = runner;
        this.guard = guard;
        this.timeout = timeout;
        this.workers = workers;
    }

    JsonNode connectors(Exchange exchange) {
        return run(exchange, Commands::list);
    }

    /** @param config null when the route carries none (fixed stream lists need none) */
    JsonNode streams(Exchange exchange, String connector, ObjectNode config) {
        guard.check(config);
        return run(exchange, commands -> commands.streams(input(connector, config)));
    }

    JsonNode check(Exchange exchange, String connector, ObjectNode config) {
        guard.check(config);
        return run(exchange, commands -> commands.check(input(connector, config)));
    }

    JsonNode discover(Exchange exchange, String connector, ObjectNode config, int sample) {
        guard.check(config);
        return run(exchange, commands -> commands.discover(input(connector, config), sample));
    }

    private JsonNode run(Exchange exchange, Consumer<Commands> command) {
        MessageCollector collector = new MessageCollector(runner.mapper());
        Session session = runner.session(collector);
        Future<?> running = workers.submit(() -> {
            command.accept(new Commands(session));
            session.protocol().flush();
        });
        try {
            if (timeout.isZero()) {
                running.get();
            } else {
                running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new ApiException(503, "The request took longer than the server's request timeout of " + timeout.toSeconds()
                    + " s (--request-timeout) and was abandoned; check that the API or database is reachable.");
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "The server is stopping.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
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
