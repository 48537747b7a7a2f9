package io.solidafy.cdk.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.ServerRun;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.json} is a valid OpenAPI 3.1 document, and every route it documents answers. */
class OpenApiTest {

    @Test
    void everyDocumentedRouteAnswers() {
        try (ServerRun server = ServerRun.start(ServerOptions.defaults())) {
            ServerRun.Reply document = server.get("/openapi.json");
            assertEquals(200, document.status());
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, options);
            assertTrue(parsed.getMessages().isEmpty(), parsed.getMessages().toString());
            OpenAPI api = parsed.getOpenAPI();
            assertEquals("3.1.0", api.getOpenapi());
            assertEquals(9, api.getPaths().size());
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                String route = path.getKey().replace("{name}", "fixture");
                for (PathItem.HttpMethod method : path.getValue().readOperationsMap().keySet()) {
                    ServerRun.Reply reply = method == PathItem.HttpMethod.GET ? server.get(route) : server.post(route, "{}");
                    assertTrue(reply.status() != 404 && reply.status() != 405, method + " " + route + " -> " + reply.status());
                    String documented = Integer.toString(reply.status());
                    assertTrue(path.getValue().readOperationsMap().get(method).getResponses().containsKey(documented),
                            method + " " + route + " answered " + documented + ", which is not documented");
                }
            }
        }
    }
}
