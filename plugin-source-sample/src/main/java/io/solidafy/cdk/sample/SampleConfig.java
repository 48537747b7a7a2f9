package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;

/**
 * The sample source's settings.
 *
 * @param count records per stream
 * @param seed  seed of the generated values
 */
record SampleConfig(long count, long seed) {

    static SampleConfig from(ObjectNode config) {
        long count = config.path("count").asLong(100);
        if (count < 0) {
            throw new ConnectorException("Config field 'count' of connector 'sample' must be 0 or more, not " + count + ".");
        }
        return new SampleConfig(count, config.path("seed").asLong(42));
    }
}
