package io.solidafy.cdk.declarative.template;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses the text between {@code {{} and {@code }}} into an {@link Expr}. Not thread-safe; one per parse. */
final class ExpressionParser {

    private final String source;
    private final String text;
    private int pos;

    ExpressionParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    Expr parse() {
        Expr expr = pipeline();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return expr;
    }

    private Expr pipeline() {
        Expr left = primary();
        while (true) {
            skipSpace();
            if (!peek('|')) {
                return left;
            }
            pos++;
            skipSpace();
            String name = identifier();
            List<Expr> args = new ArrayList<>();
            args.add(left);
            skipSpace();
            if (peek('(')) {
                args.addAll(arguments());
            }
            left = new Expr.Call(name, args, true);
        }
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("an expression is missing");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Expr.Literal(TextNode.valueOf(quoted()));
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (c == '(') {
            pos++;
            Expr inner = pipeline();
            expect(')');
            return inner;
        }
        String name = identifier();
        switch (name) {
            case "true", "True":
                return new Expr.Literal(BooleanNode.TRUE);
            case "false", "False":
                return new Expr.Literal(BooleanNode.FALSE);
            case "null", "none", "None":
                return new Expr.Literal(NullNode.instance);
            default:
                break;
        }
        skipSpace();
        if (peek('(')) {
            return new Expr.Call(name, arguments(), false);
        }
        List<Object> segments = new ArrayList<>();
        segments.add(name);
        StringBuilder pathText = new StringBuilder(name);
        while (pos < text.length()) {
            if (peek('.')) {
                pos++;
                String key = identifier();
                segments.add(key);
                pathText.append('.').append(key);
            } else if (peek('[')) {
                pos++;
                skipSpace();
                if (peek('\'') || peek('"')) {
                    String key = quoted();
                    segments.add(key);
                    pathText.append("['").append(key).append("']");
                } else {
                    int start = pos;
                    if (peek('-')) {
                        pos++;
                    }
                    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                        pos++;
                    }
                    String digits = text.substring(start, pos);
                    if (digits.isEmpty() || digits.equals("-")) {
                        throw error("an index in [] must be a number or a quoted key");
                    }
                    segments.add(Integer.parseInt(digits));
                    pathText.append('[').append(digits).append(']');
                }
                skipSpace();
                expect(']');
            } else {
                break;
            }
        }
        return new Expr.Path(pathText.toString(), segments);
    }

    private List<Expr> arguments() {
        expect('(');
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
            return args;
        }
        while (true) {
            args.add(pipeline());
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(')');
            return args;
        }
    }

    private Expr number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        try {
            if (digits.contains(".")) {
                return new Expr.Literal(DecimalNode.valueOf(new BigDecimal(digits)));
            }
            return new Expr.Literal(LongNode.valueOf(Long.parseLong(digits)));
        } catch (NumberFormatException e) {
            throw error("'" + digits + "' is not a number");
        }
    }

    private String quoted() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                out.append(text.charAt(pos++));
            } else if (c == quote) {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw error("a quoted string is not closed");
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '-')) {
            pos++;
        }
        if (start == pos) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "a name is missing at the end");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private TemplateException error(String what) {
        return new TemplateException("Template '" + source + "' is invalid: " + what + ".");
    }
}
