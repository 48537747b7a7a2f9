package io.solidafy.cdk.declarative.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A parsed template string: literal text and {@code {{ expression }}} parts. Immutable and
 * thread-safe; render it with a {@link Scope} through {@link TemplateEngine}.
 */
public final class Template {

    private final String source;
    /** String (literal text) or Expr. */
    private final List<Object> parts;

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException naming the template and the syntax problem
     */
    public static Template parse(String source) {
        List<Object> parts = new ArrayList<>();
        int pos = 0;
        while (pos < source.length()) {
            int open = source.indexOf("{{", pos);
            if (open < 0) {
                parts.add(source.substring(pos));
                break;
            }
            if (open > pos) {
                parts.add(source.substring(pos, open));
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException("Template '" + source + "' is invalid: '{{' is not closed by '}}'.");
            }
            parts.add(new ExpressionParser(source, source.substring(open + 2, close)).parse());
            pos = close + 2;
        }
        return new Template(source, parts);
    }

    /** The original text. */
    public String source() {
        return source;
    }

    /** True when the template has no expression. */
    public boolean literal() {
        return parts.stream().noneMatch(Expr.class::isInstance);
    }

    List<Object> parts() {
        return parts;
    }

    /** True when the whole template is one expression (its value keeps its JSON type). */
    boolean singleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Expr;
    }

    /** Calls {@code visitor} with each variable path used and whether a {@code default} filter guards it. */
    public void visitPaths(PathVisitor visitor) {
        for (Object part : parts) {
            if (part instanceof Expr expr) {
                visit(expr, false, visitor);
            }
        }
    }

    private static void visit(Expr expr, boolean guarded, PathVisitor visitor) {
        if (expr instanceof Expr.Path path) {
            visitor.visit(path.segments().stream().map(String::valueOf).toList(), guarded);
        } else if (expr instanceof Expr.Call call) {
            boolean isDefault = call.filter() && call.name().equals("default");
            for (int i = 0; i < call.args().size(); i++) {
                // x | default(y): both are optional; an absent y renders empty (and an empty query parameter is omitted)
                visit(call.args().get(i), guarded || isDefault, visitor);
            }
        }
    }

    /** Receives the paths a template uses. */
    @FunctionalInterface
    public interface PathVisitor {
        void visit(List<String> segments, boolean guardedByDefault);
    }

    /** Names of functions and filters a template uses, for validation. */
    public void visitCalls(Consumer<String> names) {
        for (Object part : parts) {
            if (part instanceof Expr expr) {
                visitCalls(expr, names);
            }
        }
    }

    private static void visitCalls(Expr expr, Consumer<String> names) {
        if (expr instanceof Expr.Call call) {
            names.accept(call.name());
            call.args().forEach(a -> visitCalls(a, names));
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
