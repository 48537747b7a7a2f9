package io.solidafy.cdk.database.config;

import java.util.Optional;

/**
 * Where a server database lives and how to log in, decoded from either a connection string or the
 * individual config fields. {@link #toString()} never shows the password.
 *
 * @param host     host name or IP address (IPv6 without brackets)
 * @param port     TCP port
 * @param database database name; empty for MySQL means every non-system database
 * @param user     user name
 * @param password password, possibly empty
 * @param sslMode  libpq-style SSL mode ({@code disable, allow, prefer, require, verify-ca, verify-full}), if set
 */
public record Endpoint(String host, int port, Optional<String> database, String user, String password, Optional<String> sslMode) {

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "Endpoint[" + user + "@" + hostAndPort() + "/" + database.orElse("") + "]";
    }
}
