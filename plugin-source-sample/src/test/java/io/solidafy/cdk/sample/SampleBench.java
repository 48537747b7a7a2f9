package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lets the benchmark baseline generate exactly the records the connector emits. */
public final class SampleBench {

    private SampleBench() {}

    public static ObjectNode customer(long index, long seed) {
        return SampleStream.CUSTOMERS.generate(index, seed);
    }
}
