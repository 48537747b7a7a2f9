package io.solidafy.cdk.spi.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A decoded response as a paginator sees it. The records themselves may already have been streamed
 * to the emitter; the envelope around them (e.g. {@code has_more}, {@code meta.after_cursor}) is
 * kept.
 */
public interface PageResponse {

    /** The URL that was requested, query included. */
    URI requestUri();

    int status();

    /** The first value of a response header (case-insensitive name). */
    Optional<String> header(String name);

    /** Every value of a response header (case-insensitive name). */
    List<String> headers(String name);

    /**
     * The response document around the records (a JSON body's envelope; an empty object for CSV,
     * JSONL and XML bodies). The records array keeps only its last element, so memory stays bounded
     * while paths such as {@code data[-1].id} still work.
     */
    JsonNode envelope();

    /** How many records this page had. */
    int recordCount();

    /** The page's last record, if it had any. */
    Optional<JsonNode> lastRecord();
}
