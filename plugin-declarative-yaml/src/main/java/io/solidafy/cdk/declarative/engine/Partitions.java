package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.definition.Durations;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.template.DateTimes;
import io.solidafy.cdk.declarative.template.Scope;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The partitions of a stream ({@code list}, {@code parent}, {@code date_range}, {@code async_job}),
 * produced lazily in order. One instance per read.
 */
final class Partitions implements Iterable<Partition> {

    private final Connector connector;
    private final JsonNode stream;
    private final JsonNode block;
    private final Scope scope;
    private final Emitter emitter;
    private final String name;

    Partitions(Connector connector, JsonNode stream, Scope scope, Emitter emitter) {
        this.connector = connector;
        this.stream = stream;
        this.block = stream.get("partition");
        this.scope = scope;
        this.emitter = emitter;
        this.name = stream.path("name").asText();
    }

    @Override
    public Iterator<Partition> iterator() {
        String type = block.path("type").asText();
        return switch (type) {
            case "list" -> list().iterator();
            case "parent" -> parent().iterator();
            case "date_range" -> dateRange();
            case "async_job" -> List.of(asyncJob()).iterator();
            default -> throw new ConnectorException("Stream " + name + ": unknown partition type '" + type + "'.");
        };
    }

    private TemplateEngine templates() {
        return connector.engine().templates();
    }

    private ObjectNode object() {
        return connector.engine().mapper().createObjectNode();
    }

    private List<Partition> list() {
        String field = block.path("field").asText();
        List<Partition> partitions = new ArrayList<>();
        for (JsonNode value : block.path("values")) {
            JsonNode rendered = value.isTextual() ? templates().renderValue(value.asText(), scope) : value;
            if (rendered.isArray()) { // a template rendering a list, e.g. "{{ config.repos }}"
                rendered.forEach(v -> partitions.add(single(field, v)));
            } else {
                partitions.add(single(field, rendered));
            }
        }
        return partitions;
    }

    private Partition single(String field, JsonNode value) {
        ObjectNode values = object();
        values.set(field, value);
        return new Partition(Optional.of(field + "=" + TemplateEngine.toText(value)), values, object(), Optional.empty(), Optional.empty());
    }

    private List<Partition> parent() {
        String parentName = block.path("stream").asText();
        String parentField = block.path("parent_field").asText();
        List<String> keys = connector.engine().path(parentField).keys();
        String field = block.hasNonNull("partition_field") ? block.get("partition_field").asText()
                : keys.isEmpty() ? "parent_id" : keys.get(keys.size() - 1);
        JsonNode parentStream = connector.stream(parentName)
                .orElseThrow(() -> new ConnectorException("Stream " + name + ": parent stream '" + parentName + "' does not exist."));
        Set<String> seen = new LinkedHashSet<>();
        List<Partition> partitions = new ArrayList<>();
        ParentCollector collector = new ParentCollector(emitter, record -> {
            for (JsonNode value : connector.engine().path(parentField).selectAll(record)) {
                if (!value.isNull() && seen.add(TemplateEngine.toText(value))) {
                    partitions.add(single(field, value));
                }
            }
        });
        try {
            new StreamReader(connector, parentStream, object(), collector).read(object());
        } catch (IOException e) {
            throw new ConnectorException("Stream " + name + ": reading parent stream " + parentName + " failed: " + e.getMessage() + ".");
        }
        emitter.log(LogLevel.INFO, "Stream " + name + ": " + partitions.size() + " partitions from parent stream " + parentName);
        return partitions;
    }

    private Iterator<Partition> dateRange() {
        String startText = templates().render(block.path("start").asText(), scope);
        if (startText.isEmpty()) {
            throw new ConnectorException("Stream " + name + ": partition.start renders empty; set the config value it uses.");
        }
        Instant start = DateTimes.parse(connector.engine().mapper().getNodeFactory().textNode(startText));
        String endText = block.hasNonNull("end") ? templates().render(block.get("end").asText(), scope) : "now";
        Instant end = endText.isEmpty() || endText.equals("now") ? connector.engine().clock().instant()
                : DateTimes.parse(connector.engine().mapper().getNodeFactory().textNode(endText));
        Duration step = Durations.parse(block.path("step").asText());
        String startField = block.path("start_field").asText("start");
        String endField = block.path("end_field").asText("end");
        String format = block.path("format").asText("iso");
        return new Iterator<>() {
            private Instant from = start;

            @Override
            public boolean hasNext() {
                return from.isBefore(end);
            }

            @Override
            public Partition next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Instant to = from.plus(step).isAfter(end) ? end : from.plus(step);
                ObjectNode values = object();
                values.put(startField, DateTimes.format(from, format));
                values.put(endField, DateTimes.format(to, format));
                Partition partition = new Partition(Optional.of(startField + "=" + values.get(startField).asText()), values, object(),
                        Optional.empty(), Optional.empty());
                from = to;
                return partition;
            }
        };
    }

    /** Creates the job, polls it until done and returns the partition that downloads its results. */
    private Partition asyncJob() {
        JsonNode create = block.path("create");
        JsonNode poll = block.path("poll");
        JsonNode download = block.path("download");
        ObjectNode createBlock = ((ObjectNode) create).deepCopy();
        if (!createBlock.has("method")) {
            createBlock.put("method", "POST");
        }
        createBlock.remove("job_id_path");
        try {
            PreparedRequest request = connector.requests().build(createBlock, connector.headerBlocks(stream), scope);
            JsonNode created = json(request);
            String jobId = connector.engine().path(create.path("job_id_path").asText()).select(created)
                    .map(TemplateEngine::toText).filter(s -> !s.isEmpty())
                    .orElseThrow(() -> new ConnectorException("Stream " + name + ": the job creation answer has no '"
                            + create.path("job_id_path").asText() + "'; check partition.create.job_id_path."));
            ObjectNode vars = object();
            vars.put("job_id", jobId);
            Scope jobScope = scope.withVars(vars);
            emitter.log(LogLevel.INFO, "Stream " + name + ": created job " + jobId);
            long interval = Math.round(poll.path("interval_secs").asDouble(5) * 1000);
            int maxAttempts = poll.path("max_attempts").asInt(120);
            String completed = TemplateEngine.toText(poll.path("completed_value"));
            Set<String> failed = new LinkedHashSet<>();
            poll.path("failed_values").forEach(v -> failed.add(TemplateEngine.toText(v)));
            ObjectNode pollBlock = object();
            pollBlock.put("method", "GET");
            pollBlock.set("path", poll.path("path"));
            for (int attempt = 1; ; attempt++) {
                JsonNode status = json(connector.requests().build(pollBlock, connector.headerBlocks(stream), jobScope));
                String value = connector.engine().path(poll.path("status_path").asText()).select(status).map(TemplateEngine::toText).orElse("");
                if (value.equals(completed)) {
                    break;
                }
                if (failed.contains(value)) {
                    throw new ConnectorException("Stream " + name + ": job " + jobId + " ended with status " + value + ".");
                }
                if (attempt >= maxAttempts) {
                    throw new ConnectorException("Stream " + name + ": job " + jobId + " was not done after " + maxAttempts
                            + " polls (last status '" + value + "'); raise partition.poll.max_attempts or interval_secs.");
                }
                emitter.log(LogLevel.DEBUG, "Stream " + name + ": job " + jobId + " is " + value + "; polling again");
                Thread.sleep(interval);
            }
            ObjectNode downloadBlock = object();
            downloadBlock.put("method", "GET");
            downloadBlock.set("path", download.path("path"));
            Optional<String> recordsPath = download.hasNonNull("records_path") ? Optional.of(download.get("records_path").asText()) : Optional.empty();
            return new Partition(Optional.empty(), object(), vars, Optional.of(downloadBlock), recordsPath);
        } catch (IOException e) {
            throw new ConnectorException("Stream " + name + ": the async job answered something unreadable: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("The read was interrupted.");
        }
    }

    private JsonNode json(PreparedRequest request) throws IOException {
        String text = connector.engine().http().text(request, connector.authenticator());
        return text.isBlank() ? object() : connector.engine().mapper().readTree(text);
    }
}
