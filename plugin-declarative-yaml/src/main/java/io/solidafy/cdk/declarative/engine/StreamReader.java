package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.decode.Decoder;
import io.solidafy.cdk.declarative.definition.Durations;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.FieldPath;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.declarative.PageRequest;
import io.solidafy.cdk.spi.declarative.Paginator;
import io.solidafy.cdk.spi.source.Emitter;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one stream: partitions (skipping those the state marks completed), pages through each with
 * the stream's paginator (failing when a next request repeats the previous one), decodes each page
 * whole before emitting its records, applies the incremental filter and transforms, and checkpoints partition
 * progress. One instance per read, one thread.
 */
final class StreamReader {

    private final Connector connector;
    private final JsonNode stream;
    private final String name;
    private final Emitter emitter;
    private final Scope scope;
    private final Optional<JsonNode> savedCursor;
    private final boolean clientSideFilter;
    private final Optional<FieldPath> cursorPath;
    private final JsonNode transform;
    /** The scope of the partition being read (add_fields may use partition.*). */
    private Scope current;

    /**
     * @param state the stream's incoming state ({@code cursor}, {@code partitions})
     */
    StreamReader(Connector connector, JsonNode stream, ObjectNode state, Emitter emitter) {
        this.connector = connector;
        this.stream = stream;
        this.name = stream.path("name").asText();
        this.emitter = emitter;
        JsonNode cursor = state.get("cursor");
        this.savedCursor = cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor);
        JsonNode incremental = stream.path("incremental");
        ObjectNode templateState = connector.engine().mapper().createObjectNode();
        templateState.set("cursor", effectiveCursor(connector, incremental, savedCursor));
        this.scope = connector.scope().withState(templateState);
        this.clientSideFilter = incremental.path("client_side_filter").asBoolean(false);
        this.cursorPath = stream.hasNonNull("cursor_field") ? Optional.of(fieldPath(stream.get("cursor_field"))) : Optional.empty();
        this.transform = stream.path("transform");
    }

    /** The cursor field as the runtime walks it too: a list of keys, or a dotted path. */
    static FieldPath fieldPath(JsonNode node) {
        if (node.isArray()) {
            List<String> keys = new java.util.ArrayList<>();
            node.forEach(k -> keys.add(k.asText()));
            return new FieldPath(keys);
        }
        return FieldPath.parse(node.asText());
    }

    /** {@code state.cursor} as templates see it: the saved cursor minus lookback, else incremental.start, else null. */
    private JsonNode effectiveCursor(Connector connector, JsonNode incremental, Optional<JsonNode> saved) {
        if (saved.isPresent()) {
            if (incremental.hasNonNull("lookback")) {
                return Cursors.minus(saved.get(), Durations.parse(incremental.get("lookback").asText()));
            }
            return saved.get();
        }
        if (incremental.hasNonNull("start")) {
            return connector.engine().templates().renderValue(incremental.get("start").asText(), connector.scope());
        }
        return connector.engine().mapper().nullNode();
    }

    /** Reads everything (or until the emitter wants no more). */
    void read(ObjectNode state) throws IOException {
        JsonNode partitionBlock = stream.get("partition");
        if (partitionBlock == null || partitionBlock.isNull()) {
            readPartition(new Partition(Optional.empty(), empty(), empty(), Optional.empty(), Optional.empty()));
            return;
        }
        ObjectNode completed = empty();
        JsonNode incoming = state.path("partitions");
        if (incoming.isObject()) {
            incoming.properties().forEach(e -> {
                if (e.getValue().path("completed").asBoolean(false)) {
                    completed.set(e.getKey(), e.getValue());
                }
            });
        }
        Iterator<Partition> partitions = new Partitions(connector, stream, scope, emitter).iterator();
        while (partitions.hasNext()) {
            Partition partition = partitions.next();
            if (partition.id().isPresent() && completed.has(partition.id().get())) {
                emitter.log(LogLevel.DEBUG, "Skipping partition " + partition.id().get() + " of " + name + ": completed in a previous run");
                continue;
            }
            if (!readPartition(partition)) {
                return; // stopped: this partition is not complete
            }
            if (partition.id().isPresent()) {
                completed.putObject(partition.id().get()).put("completed", true);
                ObjectNode progress = empty();
                progress.set("partitions", completed.deepCopy());
                emitter.checkpoint(progress);
            }
        }
        if (!completed.isEmpty()) {
            emitter.checkpoint(empty()); // every partition done: the next run starts them anew
        }
    }

    /** Pages through one partition; false when the emitter asked to stop. */
    boolean readPartition(Partition partition) throws IOException {
        Scope partitionScope = scope.withPartition(partition.values()).withVars(partition.vars());
        current = partitionScope;
        JsonNode requestBlock = partition.request().orElse(stream.get("request"));
        PreparedRequest base = connector.requests().build(requestBlock, connector.headerBlocks(stream), partitionScope);
        Paginator paginator = connector.components().paginator(stream.get("pagination"), "streams." + name + ".pagination", partitionScope);
        Decoder decoder = Decoders.create(connector.engine(), stream.get("decoder"), partition.recordsPath());
        emitter.log(LogLevel.DEBUG, partition.id().map(id -> "Stream " + name + ": reading partition " + id)
                .orElse("Stream " + name + ": reading"));
        PageRequest next = paginator.first();
        String previous = null;
        Set<String> seen = new LinkedHashSet<>();
        boolean firstPage = true;
        while (true) {
            PreparedRequest request = connector.requests().apply(base, next);
            String identity = request.identity();
            if (identity.equals(previous) || !seen.add(identity)) {
                throw new ConnectorException("Stream " + name + ": pagination repeats an earlier request (" + request.method() + " "
                        + connector.engine().http().secrets().mask(request.uri().toString())
                        + "); the API ignores the pagination parameters, so check the stream's pagination settings.");
            }
            if (seen.size() > 1000) {
                seen.remove(seen.iterator().next()); // the guard looks back 1000 pages; memory stays bounded
            }
            previous = identity;
            Page page = fetch(request, decoder);
            emitter.page(page.recordCount());
            if (firstPage) {
                warnWhenRecordsPathIsMissing(partition, page, request);
                firstPage = false;
            }
            if (page.decoded().stopped() || emitter.stopRequested()) {
                return false;
            }
            Optional<PageRequest> following = paginator.next(page);
            if (following.isEmpty()) {
                return true;
            }
            next = following.get();
        }
    }

    /** A records_path the first page does not have is almost always a typo: say so instead of reading nothing. */
    private void warnWhenRecordsPathIsMissing(Partition partition, Page page, PreparedRequest request) {
        JsonNode decoderBlock = stream.path("decoder");
        if (page.recordCount() > 0 || !decoderBlock.path("type").asText("json").equals("json")) {
            return;
        }
        Optional<String> path = partition.recordsPath().or(() -> decoderBlock.hasNonNull("records_path")
                ? Optional.of(decoderBlock.get("records_path").asText()) : Optional.empty());
        if (path.isPresent() && page.envelope().isObject() && connector.engine().path(path.get()).select(page.envelope()).isEmpty()) {
            emitter.log(LogLevel.WARN, "Stream " + name + ": the response of " + request.method() + " "
                    + connector.engine().http().secrets().mask(request.uri().toString()) + " has no '" + path.get()
                    + "'; check decoder.records_path");
        }
    }

    /**
     * Fetches and decodes one page whole (retried as a whole when it breaks off or cannot be
     * decoded), then emits its records: nothing of a page reaches the output before all of it was
     * received and decoded.
     */
    private Page fetch(PreparedRequest request, Decoder decoder) throws IOException {
        FetchedPage fetched;
        try {
            fetched = connector.engine().http().execute(request, connector.authenticator(), response -> FetchedPage.decode(response, decoder));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConnectorException("Stream " + name + ": the response of " + request.method() + " "
                    + connector.engine().http().secrets().mask(request.uri().toString()) + " is not valid JSON" + where + " ("
                    + connector.engine().http().secrets().mask(e.getOriginalMessage().lines().findFirst().orElse("")) + ").");
        } catch (IOException e) {
            throw new ConnectorException("Stream " + name + ": reading the response of " + request.method() + " "
                    + connector.engine().http().secrets().mask(request.uri().toString()) + " failed: "
                    + connector.engine().http().secrets().mask(e.getMessage()) + ".");
        }
        try (fetched) {
            boolean stopped = !fetched.emit(decoder, this::emit);
            return fetched.page().stoppedIf(stopped);
        }
    }

    private boolean emit(ObjectNode record) {
        if (clientSideFilter && savedCursor.isPresent() && cursorPath.isPresent()) {
            Optional<JsonNode> value = cursorPath.get().select(record);
            if (value.isPresent() && !value.get().isNull() && Cursors.compare(value.get(), savedCursor.get()) < 0) {
                return !emitter.stopRequested(); // older than the saved cursor: already synced
            }
        }
        if (!transform.isMissingNode()) {
            Transforms.apply(transform, record, current, connector.engine());
        }
        return emitter.record(record);
    }

    private ObjectNode empty() {
        return connector.engine().mapper().createObjectNode();
    }
}
