package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;

/** A connector reference resolved to the factory that opens it. */
public record ResolvedConnector(SourceFactory factory, ConnectorInfo info) {}
