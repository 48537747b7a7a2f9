package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The JSON object of a POST body, read within the size limit, with typed field access: a missing
 * or mistyped field is a 422 that names it.
 */
final class JsonBody {

    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    /** Reads and parses the body: 415 unless JSON, 413 above {@code maxBytes}, 400 when malformed or not an object. */
    static JsonBody read(Request request, ObjectMapper mapper, long maxBytes) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new ApiException(415, "The request body must be JSON: send it with 'Content-Type: application/json'"
                    + (type == null ? "" : ", not '" + type + "'") + ".");
        }
        long declared = request.getLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes = readAtMost(Request.asInputStream(request), maxBytes);
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the offending text, which can be a secret: give only where
            throw new ApiException(400, "The request body is not valid JSON"
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "")
                    + "; check quotes, commas and brackets there.");
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw new ApiException(400, "The request body must be a JSON object such as {\"connector\":\"sample\",\"config\":{}}.");
        }
        return new JsonBody((ObjectNode) node);
    }

    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "The request body is larger than " + maxBytes + " bytes, the server's limit (--max-body-size).");
    }

    String requiredString(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new ApiException(422, "Field '" + field + "' is required.");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw mistyped(field, "a non-empty string", value);
        }
        return value.textValue();
    }

    Optional<String> optionalString(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw mistyped(field, "a string", value);
        }
        return Optional.of(value.textValue());
    }

    Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw mistyped(field, "a JSON object", value);
        }
        return Optional.of((ObjectNode) value);
    }

    List<String> stringList(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw mistyped(field, "an array of stream names", value);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || element.textValue().isBlank()) {
                throw mistyped(field, "an array of stream names (non-empty strings)", value);
            }
            names.add(element.textValue());
        }
        return List.copyOf(names);
    }

    OptionalLong optionalCount(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw mistyped(field, "a whole number, 0 or more", value);
        }
        return OptionalLong.of(value.asLong());
    }

    private static ApiException mistyped(String field, String expected, JsonNode value) {
        String shown = value.isContainerNode() ? value.getNodeType().name().toLowerCase(Locale.ROOT) : value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "...";
        }
        return new ApiException(422, "Field '" + field + "' must be " + expected + ", not " + shown + ".");
    }
}
