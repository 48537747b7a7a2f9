package io.solidafy.cdk.runtime.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.definition.DefinitionExport;
import io.solidafy.cdk.runtime.plugin.ConnectorIndex;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands that describe connectors: list, spec, validate, check, streams, discover. Each
 * writes its one protocol message to the session's output and returns the CLI exit code; the HTTP
 * server wraps the same message in its envelope.
 */
public final class Commands {

    private final Session session;

    public Commands(Session session) {
        this.session = session;
    }

    public int list() {
        ObjectNode body = session.mapper.createObjectNode();
        ArrayNode connectors = body.putArray("connectors");
        for (ConnectorIndex.Entry connector : ConnectorIndex.firstByName(session.indexedConnectors(), session::warn)) {
            connectors.add(JsonViews.connector(connector.info()));
        }
        session.protocol.writeFlat("CONNECTORS", body);
        return 0;
    }

    public int spec(String reference) {
        ConnectorInfo info = ConnectorIndex.find(session.indexedConnectors(), reference, session::warn)
                .map(ConnectorIndex.Entry::info)
                .orElseGet(() -> session.resolver().resolve(reference).info()); // a definition file, or an error
        session.protocol.write("SPEC", "spec", JsonViews.spec(info));
        return 0;
    }

    public int validate(String reference) {
        Path file = Path.of(reference);
        ObjectNode validation = session.mapper.createObjectNode();
        if (!Files.isRegularFile(file)) {
            ResolvedConnector builtIn = session.resolver().resolve(reference); // throws for unknown names
            return reportValid(validation, builtIn.info());
        }
        SourceFactory factory = session.registry().definitionReaders().stream()
                .filter(f -> f.canLoad(file))
                .findFirst()
                .orElseThrow(() -> new ConnectorException("No installed plugin reads connector files like " + reference + "."));
        List<DefinitionProblem> problems = factory.validate(file);
        if (problems.isEmpty()) {
            return reportValid(validation, factory.load(file));
        }
        validation.put("status", "INVALID");
        validation.put("connector_file", reference);
        ArrayNode errors = validation.putArray("errors");
        for (DefinitionProblem problem : problems) {
            ObjectNode error = errors.addObject();
            error.put("path", problem.path());
            error.put("line", problem.line());
            error.put("column", problem.column());
            error.put("message", problem.message());
            session.stderr.println(problem.describe(reference));
        }
        session.protocol.write("VALIDATION", "validation", validation);
        session.stderr.println(reference + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
        return 1;
    }

    private int reportValid(ObjectNode validation, ConnectorInfo info) {
        validation.put("status", "VALID");
        validation.put("connector", info.name());
        validation.put("version", info.version());
        validation.put("streams", info.streamsDynamic() ? -1 : info.streams().size());
        validation.putArray("errors");
        session.protocol.write("VALIDATION", "validation", validation);
        return 0;
    }

    /** The definition text of a connector, for {@code export}. */
    public String export(String reference) {
        ResolvedConnector connector = session.resolver().resolve(reference);
        return DefinitionExport.text(connector.factory(), connector.info());
    }

    public int check(ConnectorInput options) {
        ResolvedConnector connector = session.resolver().resolve(options.reference());
        ObjectNode config = session.config(connector, options);
        ConnectionStatus status;
        try (Source source = session.open(connector, config)) {
            status = source.check();
        } catch (ConnectorException e) {
            status = ConnectionStatus.failed(e.getMessage());
        }
        ObjectNode body = session.mapper.createObjectNode();
        body.put("status", status.succeeded() ? "SUCCEEDED" : "FAILED");
        body.put("message", status.message());
        session.protocol.write("CONNECTION_STATUS", "connectionStatus", body);
        return 0;
    }

    public int streams(ConnectorInput options) {
        ResolvedConnector connector = session.resolver().resolve(options.reference());
        ConnectorInfo info = connector.info();
        List<String> names;
        if (!info.streamsDynamic()) {
            names = info.streams();
        } else {
            ObjectNode config = session.config(connector, options);
            try (Source source = session.open(connector, config)) {
                names = source.streams().stream().map(StreamDescriptor::name).toList();
            }
        }
        ObjectNode body = session.mapper.createObjectNode();
        body.put("connector", info.name());
        if (!"api".equals(info.connectorType())) {
            body.put("connector_type", info.connectorType());
        }
        body.set("streams", JsonViews.strings(names));
        session.protocol.writeFlat("STREAMS", body);
        return 0;
    }

    public int discover(ConnectorInput options, int sample) {
        if (sample < 0) {
            throw new UsageException("--sample must be 0 or more.");
        }
        ResolvedConnector connector = session.resolver().resolve(options.reference());
        ObjectNode config = session.config(connector, options);
        ObjectNode catalog = session.mapper.createObjectNode();
        ArrayNode streams = catalog.putArray("streams");
        try (Source source = session.open(connector, config)) {
            for (StreamDescriptor stream : source.discover(sample)) {
                streams.add(JsonViews.catalogStream(stream));
            }
        }
        session.protocol.write("CATALOG", "catalog", catalog);
        return 0;
    }
}
