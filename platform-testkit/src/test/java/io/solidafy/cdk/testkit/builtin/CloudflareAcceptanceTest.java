package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code cloudflare} connector's stream {@code subscriptions} through the acceptance suite, on recorded pages. */
class CloudflareAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/cloudflare");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("account_id", "023e105f4ecef8ad9ca31a8372d0c353").put("base_url", API.baseUrl() + "/client/v4");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("cloudflare", config("api_token", "cf-AcceptanceToken00000000000good")).withBadCredentials(config("api_token", "cf-AcceptanceToken000000000000bad")).withStreams("subscriptions");
    }
}
