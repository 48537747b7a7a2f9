package io.solidafy.cdk.declarative.template;

import java.util.List;

/** The parsed form of one {@code {{ ... }}} expression. */
sealed interface Expr {

    /** A quoted string, number, boolean or null literal. */
    record Literal(com.fasterxml.jackson.databind.JsonNode value) implements Expr {}

    /** A variable path such as {@code config.api_key} or {@code partition.ids[0]}; segments are keys or indexes. */
    record Path(String text, List<Object> segments) implements Expr {}

    /** A function call {@code name(args)} or a filter {@code input | name(args)} (input is then the first argument). */
    record Call(String name, List<Expr> args, boolean filter) implements Expr {}
}
