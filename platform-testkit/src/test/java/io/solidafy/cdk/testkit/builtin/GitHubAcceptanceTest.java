package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code github} connector's stream {@code org_members} through the acceptance suite, on recorded pages. */
class GitHubAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/github");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("org", "acme").put("base_url", API.baseUrl() + "");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("github", config("access_token", "ghp_AcceptanceToken000000000000good")).withBadCredentials(config("access_token", "ghp_AcceptanceToken0000000000000bad")).withStreams("org_members");
    }
}
