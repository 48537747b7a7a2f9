package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code shopify} connector's stream {@code products} through the acceptance suite, on recorded pages. */
class ShopifyAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/shopify");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("shop_domain", "acme.myshopify.com").put("base_url", API.baseUrl() + "/admin/api/2024-01");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("shopify", config("access_token", "shpat_AcceptanceToken00000000000good")).withBadCredentials(config("access_token", "shpat_AcceptanceToken000000000000bad")).withStreams("products");
    }
}
