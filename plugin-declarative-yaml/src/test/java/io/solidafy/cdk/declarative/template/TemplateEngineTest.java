package io.solidafy.cdk.declarative.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TemplateEngine engine = new TemplateEngine(Clock.fixed(Instant.parse("2024-03-10T15:30:45Z"), ZoneOffset.UTC));

    private Scope scope() throws Exception {
        ObjectNode config = (ObjectNode) MAPPER.readTree("{\"api_key\":\"k\",\"n\":5,\"flag\":true,\"obj\":{\"a\":[1,2]},\"nothing\":null}");
        ObjectNode state = (ObjectNode) MAPPER.readTree("{\"cursor\":null}");
        ObjectNode partition = (ObjectNode) MAPPER.readTree("{\"repo\":\"r/x\"}");
        ObjectNode vars = (ObjectNode) MAPPER.readTree("{\"job_id\":\"j-1\"}");
        return new Scope(config, state, partition, vars, Set.of("api_key", "optional"));
    }

    @Test
    void rootsFallbackAndRenderingRules() throws Exception {
        Scope scope = scope();
        assertEquals("Bearer k", engine.render("Bearer {{ config.api_key }}", scope));
        assertEquals("j-1/r/x", engine.render("{{ job_id }}/{{partition.repo}}", scope));
        assertEquals("5 true {\"a\":[1,2]} 1 2", engine.render("{{ n }} {{ config.flag }} {{ config.obj }} {{ config.obj.a[0] }} {{ config.obj.a[-1] }}", scope));
        assertEquals("[]", "[" + engine.render("{{ state.cursor }}{{ config.nothing }}{{ config.optional }}", scope) + "]");
        assertEquals(5, engine.renderValue("{{ config.n }}", scope).asInt());
    }

    @Test
    void defaultAndFilters() throws Exception {
        Scope scope = scope();
        assertEquals("fallback", engine.render("{{ state.cursor | default('fallback') }}", scope));
        assertEquals("5", engine.render("{{ state.cursor | default(config.n) }}", scope));
        assertEquals("", engine.render("{{ config.missing | default(config.other_missing) }}", scope));
        assertEquals("r%2Fx%20y", engine.render("{{ 'r/x y' | urlencode }}", scope));
        assertEquals("R/X", engine.render("{{ partition.repo | upper }}", scope));
    }

    @Test
    void dateHelpers() throws Exception {
        Scope scope = scope();
        assertEquals("2024-03-10T15:30:45Z", engine.render("{{ now_utc() }}", scope));
        assertEquals("2024-03-10", engine.render("{{ today_utc() }}", scope));
        assertEquals("2024-03-03T15:30:45Z", engine.render("{{ days_ago(7) }}", scope));
        assertEquals("2024/03/03", engine.render("{{ format_datetime(days_ago(7), '%Y/%m/%d') }}", scope));
        assertEquals("1709251200", engine.render("{{ format_datetime('2024-03-01', 'unix') }}", scope));
        assertEquals("2024-03-01", engine.render("{{ format_datetime(1709251200, 'yyyy-MM-dd') }}", scope));
    }

    @Test
    void undefinedVariablesAndSyntaxErrorsAreNamed() throws Exception {
        Scope scope = scope();
        TemplateException missing = assertThrows(TemplateException.class, () -> engine.render("{{ config.since }}", scope));
        assertEquals("Undefined variable in template: config.since", missing.getMessage());
        TemplateException syntax = assertThrows(TemplateException.class, () -> engine.render("{{ config.a | }}", scope));
        assertTrue(syntax.getMessage().startsWith("Template '{{ config.a | }}' is invalid"), syntax.getMessage());
    }
}
