package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pagination type and stop condition: pages 2..n are requested exactly once and the loop ends. */
class PaginationTest extends WireMockSupport {

    private static String items(int from, int to) {
        StringBuilder out = new StringBuilder("[");
        for (int i = from; i <= to; i++) {
            out.append(i == from ? "" : ",").append("{\"id\":").append(i).append('}');
        }
        return out.append(']').toString();
    }

    private static List<Integer> ids(CliRun result) {
        return result.records("items").stream().map(r -> r.path("id").asInt()).toList();
    }

    private Path stream(String pagination) {
        return connector("""
                name: paged
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: /items
                    decoder:
                      type: json
                      records_path: data
                    pagination:
                """ + pagination.indent(6));
    }

    @Test
    void offsetFollowsUntilShortPage() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("2"))
                .willReturn(okJson("{\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("{\"data\":" + items(3, 4) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("4"))
                .willReturn(okJson("{\"data\":" + items(5, 5) + "}")));
        CliRun result = read(stream("type: offset\nlimit: 2\n"), "{}");
        assertEquals(List.of(1, 2, 3, 4, 5), ids(result), result.stderr());
        server.verify(3, getRequestedFor(urlPathEqualTo("/items")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("4")));
        assertEquals("SUCCEEDED", result.summary().path("status").asText());
    }

    @Test
    void pageNumberRequestsEachPageOnceAndStopsOnEmptyPage() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1")).willReturn(okJson("{\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")).willReturn(okJson("{\"data\":" + items(3, 4) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")).willReturn(okJson("{\"data\":[]}")));
        CliRun result = read(stream("type: page_number\npage_param: page\npage_size_param: per_page\n"), "{}");
        assertEquals(List.of(1, 2, 3, 4), ids(result));
        for (String page : List.of("1", "2", "3")) {
            server.verify(1, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo(page)));
        }
        server.verify(3, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void pageNumberStopsAtTotalPages() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("0"))
                .willReturn(okJson("{\"meta\":{\"pages\":2},\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"meta\":{\"pages\":2},\"data\":" + items(3, 4) + "}")));
        CliRun result = read(stream("type: page_number\nstart_page: 0\nstop:\n  type: total_pages\n  path: meta.pages\n"), "{}");
        assertEquals(List.of(1, 2, 3, 4), ids(result));
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void offsetStopsAtTotalCount() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson("{\"total\":4,\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("2"))
                .willReturn(okJson("{\"total\":4,\"data\":" + items(3, 4) + "}")));
        CliRun result = read(stream("type: offset\nlimit: 2\nstop:\n  type: total_count\n  path: total\n"), "{}");
        assertEquals(List.of(1, 2, 3, 4), ids(result));
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void cursorFromLastRecordStopsOnField() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("starting_after", absent())
                .willReturn(okJson("{\"has_more\":true,\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("starting_after", equalTo("2"))
                .willReturn(okJson("{\"has_more\":true,\"data\":" + items(3, 4) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("starting_after", equalTo("4"))
                .willReturn(okJson("{\"has_more\":false,\"data\":" + items(5, 6) + "}")));
        CliRun result = read(stream("""
                type: cursor
                cursor_param: starting_after
                cursor_path: data[-1].id
                stop:
                  type: field
                  path: has_more
                  value: false
                """), "{}");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids(result));
        server.verify(3, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void cursorFromHeaderSentAsHeaderEndsOnNullValue() {
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("X-Cursor", absent())
                .willReturn(okJson("{\"data\":" + items(1, 1) + "}").withHeader("Sforce-Locator", "abc")));
        server.stubFor(get(urlPathEqualTo("/items")).withHeader("X-Cursor", equalTo("abc"))
                .willReturn(okJson("{\"data\":" + items(2, 2) + "}").withHeader("Sforce-Locator", "null")));
        CliRun result = read(stream("type: cursor\ncursor_param: X-Cursor\ncursor_header: Sforce-Locator\nlocation: header\n"), "{}");
        assertEquals(List.of(1, 2), ids(result));
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void cursorInJsonBody() {
        Path file = connector("""
                name: body-cursor
                base_url: BASE
                streams:
                  - name: items
                    request:
                      method: POST
                      path: /search
                      body:
                        query: all
                    decoder:
                      records_path: results
                    pagination:
                      type: cursor
                      cursor_param: after
                      cursor_path: paging.next
                      location: body
                """);
        server.stubFor(post("/search").withRequestBody(equalToJson("{\"query\":\"all\"}"))
                .willReturn(okJson("{\"results\":" + items(1, 2) + ",\"paging\":{\"next\":\"p2\"}}")));
        server.stubFor(post("/search").withRequestBody(equalToJson("{\"query\":\"all\",\"after\":\"p2\"}"))
                .willReturn(okJson("{\"results\":" + items(3, 3) + ",\"paging\":{}}")));
        CliRun result = read(file, "{}");
        assertEquals(List.of(1, 2, 3), ids(result), result.stderr() + result.stdout());
        server.verify(2, postRequestedFor(urlEqualTo("/search")));
    }

    @Test
    void linkHeaderFollowsRelNext() {
        server.stubFor(get(urlEqualTo("/items")).willReturn(okJson(items(1, 2))
                .withHeader("Link", "<" + base() + "/items?page=2>; rel=\"next\", <" + base() + "/items?page=9>; rel=\"last\"")));
        server.stubFor(get(urlEqualTo("/items?page=2")).willReturn(okJson(items(3, 3))
                .withHeader("Link", "<" + base() + "/items?page=1>; rel=\"first\"")));
        Path file = connector("""
                name: links
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: /items
                    pagination:
                      type: link_header
                """);
        CliRun result = read(file, "{}");
        assertEquals(List.of(1, 2, 3), ids(result));
        server.verify(1, getRequestedFor(urlEqualTo("/items?page=2")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void nextUrlRelativeToOrigin() {
        server.stubFor(get(urlEqualTo("/api/items")).willReturn(okJson("{\"data\":" + items(1, 2) + ",\"next\":\"/api/items?cursor=x\"}")));
        server.stubFor(get(urlEqualTo("/api/items?cursor=x")).willReturn(okJson("{\"data\":" + items(3, 3) + ",\"next\":null}")));
        Path file = connector("""
                name: next
                base_url: BASE/api
                streams:
                  - name: items
                    request:
                      path: /items
                    decoder:
                      records_path: data
                    pagination:
                      type: next_url
                      next_url_path: next
                """);
        CliRun result = read(file, "{}");
        assertEquals(List.of(1, 2, 3), ids(result));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/items")));
    }

    @Test
    void repeatedRequestFailsTheStreamInsteadOfLooping() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"data\":" + items(1, 2) + ",\"next\":\"/items\"}")));
        Path file = connector("""
                name: loop
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: /items
                    decoder:
                      records_path: data
                    pagination:
                      type: next_url
                      next_url_path: next
                """);
        CliRun result = read(file, "{}");
        JsonNode stream = result.summary().path("streams").get(0);
        assertEquals("FAILED", stream.path("status").asText());
        assertTrue(stream.path("error").asText().contains("repeats an earlier request"), stream.toString());
        server.verify(1, getRequestedFor(urlPathEqualTo("/items"))); // the repeat is detected before it is sent
    }

    @Test
    void maxRecordsStopsPagingWithoutFetchingFurtherPages() {
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1")).willReturn(okJson("{\"data\":" + items(1, 2) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")).willReturn(okJson("{\"data\":" + items(3, 4) + "}")));
        server.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")).willReturn(okJson("{\"data\":" + items(5, 6) + "}")));
        CliRun result = read(stream("type: page_number\n"), "{}", "--max-records", "3");
        assertEquals(List.of(1, 2, 3), ids(result));
        server.verify(0, getRequestedFor(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")));
    }
}
