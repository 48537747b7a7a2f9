package io.solidafy.cdk.declarative.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders templates: the dotted-path grammar over {@link Scope} plus a small Jinja-compatible set
 * of helpers ({@code default}, {@code now_utc()}, {@code today_utc()}, {@code days_ago(n)},
 * {@code format_datetime(x, 'fmt')}, {@code urlencode}, {@code lower}, {@code upper}). Strict: an
 * undefined variable is an error naming it. Thread-safe; parsed templates are cached.
 */
public final class TemplateEngine {

    /** Every function and filter name the engine knows, for validation. */
    public static final Set<String> FUNCTIONS =
            Set.of("default", "now_utc", "today_utc", "days_ago", "format_datetime", "urlencode", "lower", "upper", "string", "int");

    private final Clock clock;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public TemplateEngine(Clock clock) {
        this.clock = clock;
    }

    /** The parsed template for {@code source}, cached. */
    public Template template(String source) {
        Template cached = cache.get(source);
        if (cached == null) {
            cached = Template.parse(source);
            if (cache.size() < 10_000) {
                cache.put(source, cached);
            }
        }
        return cached;
    }

    /** Renders a template to text: strings as-is, numbers in JSON form, null as empty, containers as compact JSON. */
    public String render(String source, Scope scope) {
        if (source.indexOf("{{") < 0) {
            return source;
        }
        Template template = template(source);
        StringBuilder out = new StringBuilder();
        for (Object part : template.parts()) {
            if (part instanceof String literal) {
                out.append(literal);
            } else {
                out.append(toText(evaluate((Expr) part, scope)));
            }
        }
        return out.toString();
    }

    /** Renders a template keeping the JSON type when the template is exactly one expression. */
    public JsonNode renderValue(String source, Scope scope) {
        if (source.indexOf("{{") < 0) {
            return TextNode.valueOf(source);
        }
        Template template = template(source);
        if (template.singleExpression()) {
            return evaluate((Expr) template.parts().get(0), scope);
        }
        return TextNode.valueOf(render(source, scope));
    }

    /** Renders every string inside a JSON value (objects and arrays recursively). */
    public JsonNode renderTree(JsonNode node, Scope scope) {
        if (node == null) {
            return NullNode.instance;
        }
        if (node.isTextual()) {
            return renderValue(node.asText(), scope);
        }
        if (node.isObject()) {
            var out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> out.set(e.getKey(), renderTree(e.getValue(), scope)));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(renderTree(e, scope)));
            return out;
        }
        return node;
    }

    /** The text form of a value under the rendering rules. */
    public static String toText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return value.toString();
    }

    private JsonNode evaluate(Expr expr, Scope scope) {
        JsonNode value = evaluateLenient(expr, scope);
        if (value == null) {
            throw new TemplateException("Undefined variable in template: " + ((Expr.Path) undefinedPath(expr)).text());
        }
        return value;
    }

    private static Expr undefinedPath(Expr expr) {
        if (expr instanceof Expr.Call call && !call.args().isEmpty()) {
            return undefinedPath(call.args().get(0));
        }
        return expr;
    }

    /** Evaluates; null (Java) means undefined. */
    private JsonNode evaluateLenient(Expr expr, Scope scope) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof Expr.Path path) {
            return lookup(path, scope);
        }
        Expr.Call call = (Expr.Call) expr;
        List<Expr> args = call.args();
        switch (call.name()) {
            case "default": {
                JsonNode value = args.isEmpty() ? null : evaluateLenient(args.get(0), scope);
                if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                    return value;
                }
                if (args.size() < 2) {
                    return NullNode.instance;
                }
                JsonNode fallback = evaluateLenient(args.get(1), scope);
                return fallback == null ? NullNode.instance : fallback;
            }
            case "now_utc":
                return TextNode.valueOf(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
            case "today_utc":
                return TextNode.valueOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
            case "days_ago": {
                long days = args.isEmpty() ? 0 : number(call, evaluate(args.get(0), scope));
                return TextNode.valueOf(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(days)).toString());
            }
            case "format_datetime": {
                if (args.size() != 2) {
                    throw new TemplateException("format_datetime needs a value and a format, e.g. format_datetime(config.start, '%Y-%m-%d').");
                }
                JsonNode value = evaluate(args.get(0), scope);
                if (value.isNull() || value.asText().isEmpty()) {
                    return NullNode.instance;
                }
                return TextNode.valueOf(DateTimes.format(DateTimes.parse(value), toText(evaluate(args.get(1), scope))));
            }
            case "urlencode":
                return TextNode.valueOf(URLEncoder.encode(toText(single(call, scope)), StandardCharsets.UTF_8).replace("+", "%20"));
            case "lower":
                return TextNode.valueOf(toText(single(call, scope)).toLowerCase(java.util.Locale.ROOT));
            case "upper":
                return TextNode.valueOf(toText(single(call, scope)).toUpperCase(java.util.Locale.ROOT));
            case "string":
                return TextNode.valueOf(toText(single(call, scope)));
            case "int":
                return JsonNodeFactory.instance.numberNode(number(call, single(call, scope)));
            default:
                throw new TemplateException("Unknown function or filter '" + call.name() + "' in a template; known ones are " + FUNCTIONS + ".");
        }
    }

    private JsonNode single(Expr.Call call, Scope scope) {
        if (call.args().size() != 1) {
            throw new TemplateException(call.name() + " takes exactly one value.");
        }
        return evaluate(call.args().get(0), scope);
    }

    private static long number(Expr.Call call, JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(call.name() + " needs a whole number, not '" + value.asText() + "'.");
        }
    }

    private static JsonNode lookup(Expr.Path path, Scope scope) {
        List<Object> segments = path.segments();
        String first = (String) segments.get(0);
        String next = segments.size() > 1 && segments.get(1) instanceof String s ? s : null;
        JsonNode node = scope.root(first, next).orElse(null);
        for (int i = 1; i < segments.size() && node != null; i++) {
            Object segment = segments.get(i);
            if (segment instanceof Integer index) {
                int at = index < 0 ? node.size() + index : index;
                node = node.isArray() && at >= 0 && at < node.size() ? node.get(at) : null;
            } else {
                node = node.isObject() ? node.get((String) segment) : null;
            }
        }
        return node;
    }
}
