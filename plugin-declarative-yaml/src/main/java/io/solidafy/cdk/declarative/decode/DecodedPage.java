package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What is left of a decoded page once its records went to the sink.
 *
 * @param envelope   the document around the records; the records array keeps only its last element
 *                   (so {@code data[-1].id} still works), an empty object for csv, jsonl and xml
 * @param count      records decoded
 * @param lastRecord the last record, if any
 * @param stopped    the sink asked to stop before the page ended
 */
public record DecodedPage(JsonNode envelope, int count, Optional<JsonNode> lastRecord, boolean stopped) {}
