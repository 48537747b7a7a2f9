package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * Generators of sample records: nested objects, arrays of scalars and of objects, nulls, booleans,
 * integers, decimals and timestamps, like a typical SaaS API.
 */
final class SampleRecords {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Linus"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Torvalds"};
    private static final String[] FIRST_LOWER = lower(FIRST);
    private static final String[] LAST_LOWER = lower(LAST);
    private static final String[] CITIES = {"Berlin", "Lisbon", "Austin", "Osaka", "Nairobi", "Toronto", "Lyon", "Porto Alegre"};
    private static final String[] COUNTRIES = {"DE", "PT", "US", "JP", "KE", "CA", "FR", "BR"};
    private static final String[] TAGS = {"vip", "newsletter", "beta", "churn-risk", "enterprise", "trial"};
    private static final String[] STATUSES = {"pending", "paid", "shipped", "delivered", "refunded"};
    private static final String[] CATEGORIES = {"books", "garden", "kitchen", "toys", "tools", "music"};
    private static final String[] CURRENCIES = {"usd", "eur", "jpy", "brl"};

    private SampleRecords() {}

    static ObjectNode customer(long index, SplittableRandom random, JsonNodeFactory nodes) {
        ObjectNode record = nodes.objectNode();
        record.put("id", "cus_" + pad(index + 1));
        int first = random.nextInt(FIRST.length);
        int last = random.nextInt(LAST.length);
        record.put("name", FIRST[first] + " " + LAST[last]);
        record.put("email", FIRST_LOWER[first] + "." + LAST_LOWER[last] + (index + 1) + "@example.com");
        if (random.nextInt(10) == 0) {
            record.putNull("age");
        } else {
            record.put("age", 18 + random.nextInt(70));
        }
        record.put("balance", cents(random.nextLong(-50_000, 5_000_000)));
        record.put("is_active", random.nextInt(4) != 0);
        ArrayNode tags = record.putArray("tags");
        for (int i = random.nextInt(3); i > 0; i--) {
            tags.add(pick(TAGS, random));
        }
        int city = random.nextInt(CITIES.length);
        ObjectNode address = record.putObject("address");
        address.put("street", (1 + random.nextInt(999)) + " Main Street");
        address.put("city", CITIES[city]);
        address.put("country", COUNTRIES[city]);
        address.put("postal_code", Integer.toString(100_000 + random.nextInt(100_000)).substring(1));
        ObjectNode metadata = record.putObject("metadata");
        if (random.nextBoolean()) {
            metadata.put("plan", random.nextBoolean() ? "pro" : "free");
        }
        timestamps(record, index, random);
        if (random.nextInt(5) == 0) {
            record.putNull("last_login_at");
        } else {
            record.put("last_login_at", UtcTimestamps.format(SampleStream.updatedAtSeconds(index) - random.nextInt(86_400)));
        }
        return record;
    }

    static ObjectNode order(long index, SplittableRandom random, JsonNodeFactory nodes) {
        ObjectNode record = nodes.objectNode();
        record.put("id", "ord_" + pad(index + 1));
        record.put("customer_id", "cus_" + pad(1 + random.nextLong(index + 1)));
        record.put("status", pick(STATUSES, random));
        record.put("currency", pick(CURRENCIES, random));
        ArrayNode items = record.putArray("items");
        long total = 0;
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            ObjectNode item = items.addObject();
            int quantity = 1 + random.nextInt(5);
            long unitCents = 100 + random.nextInt(20_000);
            item.put("product_id", "prod_" + pad(1 + random.nextInt(1000)));
            item.put("quantity", quantity);
            item.put("unit_price", cents(unitCents));
            total += quantity * unitCents;
        }
        record.put("total_amount", cents(total));
        ObjectNode shipping = record.putObject("shipping");
        shipping.put("method", random.nextBoolean() ? "standard" : "express");
        if (random.nextInt(4) == 0) {
            shipping.putNull("tracking_number");
        } else {
            shipping.put("tracking_number", "TRK" + Long.toString(random.nextLong(1L << 40, 1L << 41), 36).toUpperCase());
        }
        if (random.nextInt(3) == 0) {
            record.put("notes", "Leave at the door");
        } else {
            record.putNull("notes");
        }
        timestamps(record, index, random);
        return record;
    }

    static ObjectNode product(long index, SplittableRandom random, JsonNodeFactory nodes) {
        ObjectNode record = nodes.objectNode();
        record.put("id", "prod_" + pad(index + 1));
        String category = pick(CATEGORIES, random);
        record.put("name", Character.toUpperCase(category.charAt(0)) + category.substring(1) + " item " + (index + 1));
        record.put("category", category);
        record.put("price", cents(100 + random.nextInt(50_000)));
        record.put("in_stock", random.nextInt(5) != 0);
        record.put("stock_level", random.nextInt(10_000));
        ObjectNode dimensions = record.putObject("dimensions_cm");
        dimensions.put("width", 1 + random.nextInt(200));
        dimensions.put("height", 1 + random.nextInt(200));
        dimensions.put("depth", 1 + random.nextInt(200));
        ArrayNode variants = record.putArray("variants");
        for (int i = random.nextInt(3); i > 0; i--) {
            ObjectNode variant = variants.addObject();
            variant.put("sku", "SKU-" + (index + 1) + "-" + i);
            variant.put("color", random.nextBoolean() ? "red" : "blue");
        }
        timestamps(record, index, random);
        return record;
    }

    private static void timestamps(ObjectNode record, long index, SplittableRandom random) {
        long updated = SampleStream.updatedAtSeconds(index);
        record.put("created_at", UtcTimestamps.format(updated - random.nextInt(30 * 86_400)));
        record.put(SampleStream.CURSOR_FIELD, UtcTimestamps.format(updated));
    }

    private static String[] lower(String[] values) {
        return java.util.Arrays.stream(values).map(v -> v.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static java.math.BigDecimal cents(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2);
    }

    private static String pad(long n) {
        String digits = Long.toString(n);
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }
}
