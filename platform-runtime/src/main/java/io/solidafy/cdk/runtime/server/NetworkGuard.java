package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code --deny-private-networks}: refuses a config whose hosts (URLs such as {@code base_url} or a
 * token URL, a database {@code host} or connection string) resolve to loopback, link-local, private
 * or otherwise internal addresses, so a multi-tenant server cannot be steered at its own network.
 * Off by default. Names are resolved once here; a DNS answer that changes afterwards is not caught.
 */
final class NetworkGuard {

    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.+");

    private final boolean enabled;

    NetworkGuard(boolean enabled) {
        this.enabled = enabled;
    }

    /** Throws a 400 naming the first config field that points into a private network. */
    void check(ObjectNode config) {
        if (!enabled || config == null) {
            return;
        }
        check(config, "");
    }

    private void check(JsonNode node, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value, name + ".");
            } else if (value.isTextual()) {
                host(field.getKey(), value.textValue()).ifPresent(host -> refuseIfPrivate(name, host));
            }
        }
    }

    private static Optional<String> host(String key, String value) {
        String text = value.trim();
        if (URL.matcher(text).matches()) {
            try {
                return Optional.ofNullable(new URI(text).getHost());
            } catch (URISyntaxException e) {
                int start = text.indexOf("://") + 3;
                String rest = text.substring(start).replaceFirst("^[^@/]*@", "");
                return Optional.of(rest.split("[:/?#]", 2)[0]);
            }
        }
        return key.equalsIgnoreCase("host") || key.toLowerCase().endsWith("_host") ? Optional.of(text) : Optional.empty();
    }

    private static void refuseIfPrivate(String field, String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new ApiException(400, "Config field '" + field + "' names host '" + host + "', which does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new ApiException(400, "Config field '" + field + "' points to " + host + " (" + address.getHostAddress()
                        + "), a loopback, link-local or private address, which this server refuses (--deny-private-networks).");
            }
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 240;
    }
}
