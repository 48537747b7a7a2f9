package io.solidafy.cdk.database.config;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes {@code postgresql://user:pass@host:5432/db?sslmode=require} and {@code
 * mysql://user:pass@host:3306/db}. User, password and database are percent-decoded, so a password
 * containing {@code @ : / %} is written percent-encoded in the string. Messages never repeat the
 * string, because it holds the password.
 */
final class ConnectionStringParser {

    private ConnectionStringParser() {}

    static Endpoint parse(DatabaseKind kind, String connectionString) {
        String text = connectionString.trim();
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            text = text.substring(5);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(kind, "it is not a valid URL (percent-encode special characters in the password)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = kind == DatabaseKind.POSTGRES
                ? scheme.equals("postgresql") || scheme.equals("postgres")
                : scheme.equals("mysql") || scheme.equals("mariadb");
        if (!schemeOk) {
            throw invalid(kind, "it must start with " + example(kind).substring(0, example(kind).indexOf("//") + 2));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(kind, "it has no host name");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() < 0 ? kind.defaultPort() : uri.getPort();
        String user = "";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Optional<String> database = path.length() > 1 ? Optional.of(decode(path.substring(1))) : Optional.empty();
        Map<String, String> query = query(uri.getRawQuery());
        Optional<String> sslMode = Optional.ofNullable(query.getOrDefault("sslmode", query.get("ssl_mode")));
        return new Endpoint(host, port, database, user, password, sslMode);
    }

    static String example(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRES ? "postgresql://user:password@host:5432/database" : "mysql://user:password@host:3306/database";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String value) {
        try {
            // '+' stays a plus sign: this is a URL path/user-info, not a form body.
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("The connection_string contains a malformed percent-encoding; encode '%' as %25.");
        }
    }

    private static ConnectorException invalid(DatabaseKind kind, String why) {
        return new ConnectorException("Config field 'connection_string' of connector '" + kind.connectorName() + "' is not usable: "
                + why + "; write it like " + example(kind) + ".");
    }
}
