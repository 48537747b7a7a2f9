package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code openai} connector's stream {@code usage_completions} through the acceptance suite, on recorded pages. */
class OpenAiAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/openai");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("start_time", "1764000000").put("base_url", API.baseUrl() + "/v1/organization");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("openai", config("admin_api_key", "sk-admin-AcceptanceKey0000000000good")).withBadCredentials(config("admin_api_key", "sk-admin-AcceptanceKey00000000000bad")).withStreams("usage_completions");
    }
}
