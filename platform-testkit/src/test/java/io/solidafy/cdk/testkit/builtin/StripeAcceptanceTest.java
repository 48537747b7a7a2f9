package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code stripe} connector's stream {@code customers} through the acceptance suite, on recorded pages. */
class StripeAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/stripe");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("base_url", API.baseUrl() + "/v1");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("stripe", config("api_key", "sk_test_51AcceptanceKey0000000000000000good")).withBadCredentials(config("api_key", "sk_test_51AcceptanceKey00000000000000000bad")).withStreams("customers");
    }
}
