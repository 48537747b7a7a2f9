package io.solidafy.cdk.declarative.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi-page stream the fault tests read (pages 1..3 of three records, page 4 empty, cursor
 * {@code updated_at} rising with the id) and the checks every fault must pass.
 */
final class Pages {

    static final int PAGES = 3;
    static final int PER_PAGE = 3;

    private Pages() {}

    /** The body of a page: {@code {"data":[...]}} with ids {@code (page-1)*3+1 ..}. */
    static String body(int page) {
        StringBuilder out = new StringBuilder("{\"data\":[");
        if (page <= PAGES) {
            for (int i = 1; i <= PER_PAGE; i++) {
                int id = (page - 1) * PER_PAGE + i;
                out.append(i == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"updated_at\":\"").append(cursor(id))
                        .append("\",\"note\":\"record ").append(id).append("\"}");
            }
        }
        return out.append("]}").toString();
    }

    static String cursor(int id) {
        return String.format("2024-05-01T10:%02d:00Z", id);
    }

    /** A connector reading /items page by page; {@code http} is the body of its http block. */
    static String connector(String http) {
        return """
                name: faults
                base_url: BASE
                http:
                %s
                streams:
                  - name: items
                    primary_key: id
                    cursor_field: updated_at
                    request:
                      path: /items
                    decoder:
                      records_path: data
                    pagination:
                      type: page_number
                      page_param: page
                """.formatted(http.indent(2).stripTrailing());
    }

    /** The ids emitted, in order. */
    static List<Integer> ids(CliRun run) {
        return run.records("items").stream().map(r -> r.path("id").asInt()).toList();
    }

    /** Every record of pages 1..n exactly once, in order. */
    static void assertExactlyOnce(CliRun run, int pages) {
        List<Integer> expected = new ArrayList<>();
        for (int id = 1; id <= pages * PER_PAGE; id++) {
            expected.add(id);
        }
        assertEquals(expected, ids(run), run::toString);
    }

    /** No STATE message (per-stream or final) names a cursor beyond the records emitted before it. */
    static void assertStateNeverPassesEmittedData(CliRun run) {
        String emittedMax = null;
        for (JsonNode message : run.messages()) {
            String type = message.path("type").asText();
            if (type.equals("RECORD")) {
                String cursor = message.at("/record/data/updated_at").asText();
                emittedMax = emittedMax == null || cursor.compareTo(emittedMax) > 0 ? cursor : emittedMax;
            } else if (type.equals("STATE")) {
                JsonNode state = message.get("state");
                JsonNode cursor = state.has("streams") ? state.at("/streams/items/cursor") : state.at("/stream/stream_state/cursor");
                if (!cursor.isMissingNode() && !cursor.isNull()) {
                    String saved = cursor.asText();
                    String max = emittedMax;
                    assertTrue(max != null && saved.compareTo(max) <= 0,
                            () -> "state cursor " + saved + " passes the emitted data (max " + max + "):\n" + run);
                }
            }
        }
    }
}
