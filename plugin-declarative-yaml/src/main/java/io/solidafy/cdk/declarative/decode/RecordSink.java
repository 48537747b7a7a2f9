package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives decoded records one by one. */
@FunctionalInterface
public interface RecordSink {

    /** @return false to stop decoding (no more records wanted) */
    boolean accept(ObjectNode record);
}
