package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.definition.ConnectorDefinition;
import io.solidafy.cdk.declarative.http.HttpStatusException;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.schema.SchemaInferrer;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A declarative connector opened with a config: check, streams, discover and read. Thread-safe for read. */
public final class YamlSource implements Source {

    private final Connector connector;
    private final SourceContext context;

    public YamlSource(ConnectorDefinition definition, ObjectNode config, SourceContext context, Clock clock) {
        this.connector = new Connector(definition, config, context, clock);
        this.context = context;
    }

    @Override
    public ConnectionStatus check() {
        try {
            PreparedRequest request = checkRequest();
            connector.engine().http().execute(request, connector.authenticator(), response -> {
                try (InputStream body = response.body()) {
                    body.transferTo(OutputStreamSink.INSTANCE);
                }
                return null;
            });
            return ConnectionStatus.succeeded("Connection successful");
        } catch (HttpStatusException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        } catch (IOException e) {
            return ConnectionStatus.failed("Checking the connection failed: " + connector.engine().http().secrets().mask(e.getMessage()));
        }
    }

    /** The {@code check} block's request, else the first page of the first stream that needs no other stream. */
    private PreparedRequest checkRequest() {
        JsonNode tree = connector.definition().tree();
        if (tree.has("check")) {
            return connector.requests().build(tree.get("check"), List.of(tree.path("headers")), connector.scope());
        }
        JsonNode chosen = null;
        for (JsonNode stream : tree.path("streams")) {
            String partition = stream.path("partition").path("type").asText("");
            if (partition.isEmpty() || partition.equals("list") || partition.equals("date_range")) {
                chosen = stream;
                break;
            }
        }
        if (chosen == null) {
            chosen = tree.path("streams").get(0);
        }
        var scope = connector.scope();
        if (chosen.has("partition") && !chosen.path("partition").path("type").asText().equals("parent")
                && !chosen.path("partition").path("type").asText().equals("async_job")) {
            Iterator<Partition> partitions = new Partitions(connector, chosen, scope, new SilentEmitter()).iterator();
            if (partitions.hasNext()) {
                Partition first = partitions.next();
                scope = scope.withPartition(first.values()).withVars(first.vars());
            }
        }
        PreparedRequest base = connector.requests().build(chosen.get("request"), connector.headerBlocks(chosen), scope);
        Paginator paginator = connector.components().paginator(chosen.get("pagination"), "pagination", scope);
        return connector.requests().apply(base, paginator.first());
    }

    @Override
    public List<StreamDescriptor> streams() {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (JsonNode stream : connector.definition().tree().path("streams")) {
            streams.add(descriptor(stream));
        }
        return streams;
    }

    private static StreamDescriptor descriptor(JsonNode stream) {
        JsonNode cursorField = stream.get("cursor_field");
        List<String> cursor = cursorField == null || cursorField.isNull() ? List.of() : StreamReader.fieldPath(cursorField).keys();
        List<List<String>> key = new ArrayList<>();
        JsonNode primaryKey = stream.get("primary_key");
        if (primaryKey != null && primaryKey.isArray()) {
            primaryKey.forEach(k -> key.add(List.of(k.asText().split("\\."))));
        } else if (primaryKey != null && !primaryKey.isNull()) {
            key.add(List.of(primaryKey.asText().split("\\.")));
        }
        return new StreamDescriptor(stream.path("name").asText(), Optional.empty(), cursor, key, false);
    }

    @Override
    public List<StreamDescriptor> discover(int sampleSize) {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (JsonNode stream : connector.definition().tree().path("streams")) {
            StreamDescriptor descriptor = descriptor(stream);
            if (sampleSize <= 0) {
                streams.add(descriptor);
                continue;
            }
            SchemaInferrer inferrer = new SchemaInferrer();
            SamplingEmitter sampler = new SamplingEmitter(sampleSize, inferrer, context);
            try {
                new StreamReader(connector, stream, connector.engine().mapper().createObjectNode(), sampler)
                        .read(connector.engine().mapper().createObjectNode());
                streams.add(descriptor.withSchema(inferrer.schema()));
            } catch (RuntimeException | IOException e) {
                context.log(LogLevel.WARN, "Sampling stream " + descriptor.name() + " failed (" + e.getMessage() + "); its schema is left open");
                streams.add(sampler.count() > 0 ? descriptor.withSchema(inferrer.schema()) : descriptor);
            }
        }
        return streams;
    }

    @Override
    public void read(StreamReadRequest request, Emitter emitter) throws Exception {
        JsonNode stream = connector.stream(request.stream().name())
                .orElseThrow(() -> new ConnectorException("Stream '" + request.stream().name() + "' does not exist in connector '"
                        + connector.definition().info().name() + "'."));
        new StreamReader(connector, stream, request.state(), emitter).read(request.state());
    }

    @Override
    public void close() {
        connector.close();
    }

    /** Discards bytes (drains a check body so the connection is reused). */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }
}
