package io.solidafy.cdk.declarative.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ten built-in REST connectors as {@code list}, {@code spec}, {@code streams} and {@code
 * validate} show them: names, aliases, categories and descriptions of BUILTIN_CONNECTORS.md, and
 * every bundled file valid under the strict format.
 */
class BuiltInCatalogTest extends ConnectorTestBase {

    /** name -> {aliases, category, description}, as BUILTIN_CONNECTORS.md lists them. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("stripe", List.of("", "Payments", "Stripe payments, customers, invoices, subscriptions"));
        EXPECTED.put("openai", List.of("openai-billing", "AI/ML", "OpenAI API usage, costs, and billing data"));
        EXPECTED.put("anthropic", List.of("anthropic-billing", "AI/ML", "Anthropic API usage and billing data"));
        EXPECTED.put("cloudflare", List.of("cloudflare-billing", "Infrastructure", "Cloudflare billing and usage data"));
        EXPECTED.put("salesforce", List.of("", "CRM", "Salesforce CRM objects via REST API"));
        EXPECTED.put("salesforce-bulk", List.of("", "CRM", "Salesforce CRM objects via Bulk API 2.0"));
        EXPECTED.put("hubspot", List.of("", "CRM", "HubSpot CRM contacts, companies, deals"));
        EXPECTED.put("shopify", List.of("", "E-commerce", "Shopify orders, products, customers"));
        EXPECTED.put("zendesk", List.of("", "Support", "Zendesk tickets, users, organizations"));
        EXPECTED.put("github", List.of("github-billing", "Developer Tools", "GitHub Actions, Copilot, Packages billing and usage"));
    }

    @Test
    void indexListsTheTenConnectors() {
        assertEquals(List.copyOf(EXPECTED.keySet()), BuiltInConnectors.names());
    }

    @Test
    void listShowsNameAliasesCategoryAndDescription() {
        CliResult result = cli("list");
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        result.last("CONNECTORS").orElseThrow().path("connectors").forEach(c -> listed.put(c.path("name").asText(), c));

        EXPECTED.forEach((name, facts) -> {
            JsonNode connector = listed.get(name);
            assertTrue(connector != null, name + " missing from list: " + listed.keySet());
            List<String> aliases = new ArrayList<>();
            connector.path("aliases").forEach(a -> aliases.add(a.asText()));
            assertEquals(facts.get(0).isEmpty() ? List.of() : List.of(facts.get(0)), aliases, name);
            assertEquals(facts.get(1), connector.path("category").asText(), name);
            assertEquals(facts.get(2), connector.path("description").asText(), name);
            assertFalse(connector.path("config_schema").isEmpty(), name + " declares its config");
            assertFalse(connector.path("streams").isEmpty(), name + " lists its streams");
        });
    }

    @Test
    void aliasesResolveToTheSameConnector() {
        for (Map.Entry<String, List<String>> entry : EXPECTED.entrySet()) {
            String alias = entry.getValue().get(0);
            if (!alias.isEmpty()) {
                assertEquals(streamNames(entry.getKey()), streamNames(alias), alias);
                CliResult spec = cli("spec", "--connector", alias);
                assertEquals(entry.getKey(), spec.last("SPEC").orElseThrow().path("spec").path("name").asText(), spec.stdout());
            }
        }
    }

    @Test
    void secretsAreDeclaredSecret() {
        CliResult result = cli("list");
        result.last("CONNECTORS").orElseThrow().path("connectors").forEach(connector -> {
            if (EXPECTED.containsKey(connector.path("name").asText())) {
                for (JsonNode field : connector.path("config_schema")) {
                    String name = field.path("name").asText();
                    boolean credential = name.endsWith("api_key") || name.endsWith("token") || name.endsWith("secret");
                    assertEquals(credential, field.path("secret").asBoolean(), connector.path("name").asText() + "." + name);
                }
            }
        });
    }

    @Test
    void missingRequiredConfigIsNamedBeforeAnyRequest() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("stripe", "api_key");
        required.put("openai", "admin_api_key");
        required.put("anthropic", "admin_api_key");
        required.put("cloudflare", "api_token");
        required.put("github", "access_token");
        required.put("shopify", "access_token");
        required.forEach((connector, field) -> {
            CliResult result = check(connector, Json.obj("base_url", origin()));
            assertEquals(1, result.exitCode(), connector + ": " + result.stdout());
            assertTrue(result.stderr().contains("'" + field + "'"), connector + ": " + result.stderr());
        });
        assertTrue(requests().isEmpty(), "no request is sent with an incomplete config");
    }

    @Test
    void connectorsWithSeveralAuthMethodsNameTheKeysToSet() {
        Map<String, com.fasterxml.jackson.databind.node.ObjectNode> configs = new LinkedHashMap<>();
        configs.put("hubspot", Json.obj("base_url", origin()));
        configs.put("zendesk", Json.obj("subdomain", "acme", "base_url", origin()));
        configs.put("salesforce", Json.obj("instance_url", "https://acme.my.salesforce.com", "base_url", origin()));
        configs.forEach((connector, config) -> {
            CliResult result = check(connector, config);
            String said = result.stderr() + result.last("CONNECTION_STATUS").map(JsonNode::toString).orElse("");
            assertTrue(said.contains("access_token"), connector + ": " + result.stdout() + result.stderr());
            assertFalse(result.stdout().contains("Exception"), connector + ": " + result.stdout());
        });
        assertTrue(requests().isEmpty(), "no request is sent without credentials");
    }

    @Test
    void everyBundledFileIsValid(@TempDir Path dir) throws IOException {
        for (String file : BuiltInConnectors.files()) {
            Path copy = dir.resolve(file);
            Files.writeString(copy, BuiltInConnectors.resource(file));

            CliResult result = cli("validate", "--connector", copy.toString());

            assertEquals(0, result.exitCode(), () -> file + ":\n" + result.stdout() + result.stderr());
            assertEquals("VALID", result.last("VALIDATION").orElseThrow().path("validation").path("status").asText(), file);
        }
    }
}
