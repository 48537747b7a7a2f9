package io.solidafy.cdk.runtime.ops;

import java.util.Objects;
import java.util.Optional;

/**
 * Which connector, with which config, as the user gave them: the CLI's {@code --connector},
 * {@code --config-json} and {@code --config}; the server passes its request's config as JSON.
 */
public record ConnectorInput(String reference, Optional<String> configJson, Optional<String> configFile) {

    public ConnectorInput {
        Objects.requireNonNull(reference, "reference");
        configJson = configJson == null ? Optional.empty() : configJson;
        configFile = configFile == null ? Optional.empty() : configFile;
    }
}
