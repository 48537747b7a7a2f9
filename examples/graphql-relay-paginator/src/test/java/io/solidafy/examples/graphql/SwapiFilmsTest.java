package io.solidafy.examples.graphql;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.InProcessCli;
import io.solidafy.cdk.testkit.RecordedApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example connector {@code swapi-films.yaml} with this plugin's {@code graphql_relay} pagination,
 * against recorded SWAPI pages: the acceptance suite, plus what the paginator sends.
 */
class SwapiFilmsTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi SWAPI = RecordedApi.fromClasspath("recorded/swapi");

    private static final String CONNECTOR = "swapi-films.yaml";

    private static ObjectNode config(int pageSize) {
        return JsonNodeFactory.instance.objectNode().put("base_url", SWAPI.baseUrl()).put("page_size", pageSize);
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of(CONNECTOR, config(2));
    }

    @Test
    void readsEveryPageSendingTheEndCursorInThePostBody() {
        CommandResult result = InProcessCli.create().read(CONNECTOR, config(2)).assertSucceeded();

        List<String> titles = result.records("films").stream().map(f -> f.path("title").asText()).toList();
        assertEquals(List.of("A New Hope", "The Empire Strikes Back", "Return of the Jedi", "The Phantom Menace",
                "Attack of the Clones", "Revenge of the Sith"), titles);
        SWAPI.server().verify(3, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.first", equalTo("2"))));
        for (String cursor : List.of("YXJyYXljb25uZWN0aW9uOjE=", "YXJyYXljb25uZWN0aW9uOjM=")) {
            SWAPI.server().verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                    .withRequestBody(matchingJsonPath("$.variables.after", equalTo(cursor))));
        }
        assertEquals(List.of(), SWAPI.unmatched());
    }

    @Test
    void aResponseWithoutPageInfoFailsTheStreamNamingThePath() {
        SWAPI.server().stubFor(post(urlPathEqualTo("/graphql")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.first", equalTo("6")))
                .willReturn(okJson("{\"data\":{\"allFilms\":{\"films\":[]}}}")));

        CommandResult result = InProcessCli.create().read(CONNECTOR, config(6));

        String error = result.summary().path("streams").get(0).path("error").asText();
        assertTrue(error.contains("data.allFilms.pageInfo"), result::toString);
    }
}
