package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.decode.DecodedPage;
import io.solidafy.cdk.declarative.decode.Decoder;
import io.solidafy.cdk.declarative.decode.RecordSink;
import io.solidafy.cdk.declarative.http.HttpResponse;
import io.solidafy.cdk.declarative.http.PageBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A page received and decoded whole, whose records are still to be emitted. A body held in memory
 * keeps its decoded records; a body spilled to disk (past the memory limit) was decoded once to
 * check it and is decoded again while emitting, so memory stays bounded. One thread.
 */
final class FetchedPage implements AutoCloseable {

    private final Page page;
    private final List<ObjectNode> records;
    private final PageBody spilled;

    private FetchedPage(Page page, List<ObjectNode> records, PageBody spilled) {
        this.page = page;
        this.records = records;
        this.spilled = spilled;
    }

    /** Decodes a whole body without emitting anything; an IOException means the body is invalid. */
    static FetchedPage decode(HttpResponse response, Decoder decoder) throws IOException {
        PageBody body = response.page();
        List<ObjectNode> records = body.spilled() ? null : new ArrayList<>();
        DecodedPage decoded;
        try (InputStream in = body.open()) {
            decoded = decoder.decode(in, records == null ? record -> true : records::add);
        }
        Page page = new Page(response.uri(), response.status(), response.allHeaders(), decoded);
        return new FetchedPage(page, records, records == null ? body.keep() : null);
    }

    Page page() {
        return page;
    }

    /** Hands every record to the sink, in order; false when the sink asked to stop. */
    boolean emit(Decoder decoder, RecordSink sink) throws IOException {
        if (records != null) {
            for (ObjectNode record : records) {
                if (!sink.accept(record)) {
                    return false;
                }
            }
            return true;
        }
        try (InputStream in = spilled.open()) {
            return !decoder.decode(in, sink).stopped();
        }
    }

    @Override
    public void close() {
        if (spilled != null) {
            spilled.close();
        }
    }
}
