package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code anthropic} connector's stream {@code usage_messages} through the acceptance suite, on recorded pages. */
class AnthropicAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/anthropic");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("start_date", "2026-11-20T00:00:00Z").put("base_url", API.baseUrl() + "/v1/organizations");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("anthropic", config("admin_api_key", "sk-ant-admin01-AcceptanceKey000000good")).withBadCredentials(config("admin_api_key", "sk-ant-admin01-AcceptanceKey0000000bad")).withStreams("usage_messages");
    }
}
