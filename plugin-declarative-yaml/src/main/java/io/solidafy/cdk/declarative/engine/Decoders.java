package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.decode.CsvDecoder;
import io.solidafy.cdk.declarative.decode.Decoder;
import io.solidafy.cdk.declarative.decode.JsonDecoder;
import io.solidafy.cdk.declarative.decode.JsonlDecoder;
import io.solidafy.cdk.declarative.decode.XmlDecoder;
import io.solidafy.cdk.spi.ConnectorException;
import java.util.Optional;

/** Makes the decoder a stream's {@code decoder:} block asks for. */
final class Decoders {

    private Decoders() {}

    /**
     * @param block        the decoder block (may be missing: json)
     * @param recordsPath  overrides the block's records_path (async_job download)
     */
    static Decoder create(Engine engine, JsonNode block, Optional<String> recordsPath) {
        String type = block == null ? "json" : block.path("type").asText("json");
        Optional<String> path = recordsPath.or(() -> block == null || !block.hasNonNull("records_path")
                ? Optional.empty() : Optional.of(block.get("records_path").asText()));
        return switch (type) {
            case "json" -> new JsonDecoder(engine.mapper(), path.filter(p -> !p.isBlank()).map(engine::path));
            case "jsonl" -> new JsonlDecoder(engine.mapper());
            case "csv" -> {
                String delimiter = block == null ? "," : block.path("delimiter").asText(",");
                if (delimiter.equals("\\t")) {
                    delimiter = "\t";
                }
                if (delimiter.length() != 1) {
                    throw new ConnectorException("decoder.delimiter must be one character, not '" + delimiter + "'.");
                }
                yield new CsvDecoder(delimiter.charAt(0), block == null || block.path("has_header").asBoolean(true));
            }
            case "xml" -> new XmlDecoder(path.map(p -> engine.path(p).keys()).orElseThrow(
                    () -> new ConnectorException("decoder type 'xml' needs records_path naming the repeated element.")));
            default -> throw new ConnectorException("Unknown decoder type '" + type + "'; use json, jsonl, csv or xml.");
        };
    }
}
