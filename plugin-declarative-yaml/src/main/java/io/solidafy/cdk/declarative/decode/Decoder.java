package io.solidafy.cdk.declarative.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a response body into records, streaming: records are handed to the sink as they are
 * parsed, so a page's size does not decide the heap needed. Stateless and thread-safe.
 */
public interface Decoder {

    /**
     * Decodes a body.
     *
     * @throws IOException when the body is malformed (the message says where)
     */
    DecodedPage decode(InputStream body, RecordSink sink) throws IOException;
}
