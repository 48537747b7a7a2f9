package com.example.myplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.InProcessCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance suite (inherited tests) and a test of your own, both through the real CLI in process. */
class MyConnectorAcceptanceTest extends ConnectorAcceptanceTest {

    private static ObjectNode config(int count) {
        return JsonNodeFactory.instance.objectNode().put("count", count);
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("my-connector", config(5));
    }

    @Test
    void countsToTheConfiguredNumber() {
        CommandResult result = InProcessCli.create().read("my-connector", config(3)).assertSucceeded();

        assertEquals(List.of(1, 2, 3), result.records("numbers").stream().map(r -> r.path("n").asInt()).toList());
        assertEquals(3, result.cursor("numbers").orElseThrow().asInt());
    }
}
