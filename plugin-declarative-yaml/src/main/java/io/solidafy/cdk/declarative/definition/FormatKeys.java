package io.solidafy.cdk.declarative.definition;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The keys allowed at each place of a connector file, as {@link ConnectorSchema} defines them. */
final class FormatKeys {

    private FormatKeys() {}

    private static final ConnectorSchema SCHEMA = ConnectorSchema.get();

    static final Set<String> TOP = SCHEMA.keys("");
    static final Set<String> SPEC_FIELD = SCHEMA.keys("config_field");
    static final Set<String> HTTP = SCHEMA.keys("http");
    static final Set<String> CHECK = SCHEMA.keys("check");
    static final Set<String> STREAM = SCHEMA.keys("stream");
    static final Set<String> REQUEST = SCHEMA.keys("request");
    static final Set<String> INCREMENTAL = SCHEMA.keys("incremental");
    static final Set<String> TRANSFORM = SCHEMA.keys("transform");
    static final Set<String> STOP = SCHEMA.keys("stop");
    static final Set<String> STOP_TYPES = SCHEMA.values("stop", "type");
    static final Set<String> METHODS = methods();
    static final Set<String> SELECTIVE_OPTION = SCHEMA.keys("selective_option");
    static final Set<String> ASYNC_CREATE = asyncKeys("create");
    static final Set<String> ASYNC_POLL = asyncKeys("poll");
    static final Set<String> ASYNC_DOWNLOAD = asyncKeys("download");

    static final Map<String, Set<String>> AUTH = variantKeys("auth");
    /** Per auth type, the keys it needs besides {@code type}. */
    static final Map<String, Set<String>> AUTH_REQUIRED = variantRequired("auth");
    static final Map<String, Set<String>> PAGINATION = variantKeys("pagination");
    static final Map<String, Set<String>> DECODER = variantKeys("decoder");
    static final Map<String, Set<String>> PARTITION = variantKeys("partition");

    /** The methods in upper case (the schema also lists their lower-case spelling). */
    private static Set<String> methods() {
        Set<String> methods = new LinkedHashSet<>();
        SCHEMA.block("method").path("enum").forEach(v -> methods.add(v.asText().toUpperCase(Locale.ROOT)));
        return Set.copyOf(methods);
    }

    private static Set<String> asyncKeys(String part) {
        Set<String> keys = new LinkedHashSet<>();
        SCHEMA.block("partition_async_job").at("/properties/" + part + "/properties").fieldNames().forEachRemaining(keys::add);
        return Set.copyOf(keys);
    }

    private static Map<String, Set<String>> variantKeys(String block) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        SCHEMA.variants(block).forEach((type, def) -> keys.put(type, Set.copyOf(SCHEMA.keys(def))));
        return Map.copyOf(keys);
    }

    private static Map<String, Set<String>> variantRequired(String block) {
        return SCHEMA.variants(block).entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> SCHEMA.required(e.getValue()).stream().filter(k -> !k.equals("type")).collect(Collectors.toUnmodifiableSet())));
    }
}
