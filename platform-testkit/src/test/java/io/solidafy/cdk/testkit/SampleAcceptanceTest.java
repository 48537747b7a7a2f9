package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The suite against the credential-free {@code sample} connector, whose records carry an {@code updated_at} cursor. */
class SampleAcceptanceTest extends ConnectorAcceptanceTest {

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("sample", JsonNodeFactory.instance.objectNode().put("count", 20));
    }
}
