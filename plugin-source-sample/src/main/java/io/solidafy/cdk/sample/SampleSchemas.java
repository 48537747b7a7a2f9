package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON schemas of the sample streams, as {@code discover} reports them. */
final class SampleSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleSchemas() {}

    static ObjectNode customers() {
        ObjectNode address = object();
        props(address).set("street", type("string"));
        props(address).set("city", type("string"));
        props(address).set("country", type("string"));
        props(address).set("postal_code", type("string"));
        ObjectNode metadata = object();
        props(metadata).set("plan", type("string"));
        ObjectNode schema = object();
        props(schema).set("id", type("string"));
        props(schema).set("name", type("string"));
        props(schema).set("email", format("string", "email"));
        props(schema).set("age", nullable("integer"));
        props(schema).set("balance", type("number"));
        props(schema).set("is_active", type("boolean"));
        props(schema).set("tags", array(type("string")));
        props(schema).set("address", address);
        props(schema).set("metadata", metadata);
        props(schema).set("last_login_at", nullableFormat("string", "date-time"));
        timestamps(schema);
        return schema;
    }

    static ObjectNode orders() {
        ObjectNode item = object();
        props(item).set("product_id", type("string"));
        props(item).set("quantity", type("integer"));
        props(item).set("unit_price", type("number"));
        ObjectNode shipping = object();
        props(shipping).set("method", type("string"));
        props(shipping).set("tracking_number", nullable("string"));
        ObjectNode schema = object();
        props(schema).set("id", type("string"));
        props(schema).set("customer_id", type("string"));
        props(schema).set("status", type("string"));
        props(schema).set("currency", type("string"));
        props(schema).set("items", array(item));
        props(schema).set("total_amount", type("number"));
        props(schema).set("shipping", shipping);
        props(schema).set("notes", nullable("string"));
        timestamps(schema);
        return schema;
    }

    static ObjectNode products() {
        ObjectNode dimensions = object();
        props(dimensions).set("width", type("integer"));
        props(dimensions).set("height", type("integer"));
        props(dimensions).set("depth", type("integer"));
        ObjectNode variant = object();
        props(variant).set("sku", type("string"));
        props(variant).set("color", type("string"));
        ObjectNode schema = object();
        props(schema).set("id", type("string"));
        props(schema).set("name", type("string"));
        props(schema).set("category", type("string"));
        props(schema).set("price", type("number"));
        props(schema).set("in_stock", type("boolean"));
        props(schema).set("stock_level", type("integer"));
        props(schema).set("dimensions_cm", dimensions);
        props(schema).set("variants", array(variant));
        timestamps(schema);
        return schema;
    }

    private static void timestamps(ObjectNode schema) {
        props(schema).set("created_at", format("string", "date-time"));
        props(schema).set(SampleStream.CURSOR_FIELD, format("string", "date-time"));
    }

    private static ObjectNode object() {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        node.putObject("properties");
        return node;
    }

    private static ObjectNode props(ObjectNode object) {
        return (ObjectNode) object.get("properties");
    }

    private static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode format(String type, String format) {
        return type(type).put("format", format);
    }

    private static ObjectNode nullable(String type) {
        ObjectNode node = NODES.objectNode();
        ArrayNode types = node.putArray("type");
        types.add(type).add("null");
        return node;
    }

    private static ObjectNode nullableFormat(String type, String format) {
        return nullable(type).put("format", format);
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode node = type("array");
        node.set("items", items);
        return node;
    }
}
