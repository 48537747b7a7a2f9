package io.solidafy.cdk.declarative.paginate;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.ComponentConfig;

/** Typed reads of a pagination block. */
final class Settings {

    private Settings() {}

    static long number(ComponentConfig config, String key, long fallback) {
        return config.string(key).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new ConnectorException("pagination." + key + " must be a whole number, not '" + v + "'.");
            }
        }).orElse(fallback);
    }

    static String text(ComponentConfig config, String key, String fallback) {
        return config.string(key).orElse(fallback);
    }
}
