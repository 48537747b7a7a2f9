package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The limits of the JSON parser reading API bodies. Jackson rejects strings over 20,000,000
 * characters by default, which fails a record with a large text field; here the limit is
 * {@value #DEFAULT_MAX_STRING_LENGTH} characters (a string must fit in memory anyway), changed with
 * {@code -Dsolidafy.json.max-string-length=N}. Stateless.
 */
final class JsonLimits {

    static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000_000;

    private JsonLimits() {}

    static int maxStringLength() {
        return Integer.getInteger("solidafy.json.max-string-length", DEFAULT_MAX_STRING_LENGTH);
    }

    /** A mapper whose parsers accept strings up to {@link #maxStringLength()}. */
    static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxStringLength()).build())
                .build();
        return new ObjectMapper(factory);
    }
}
