package io.solidafy.cdk.runtime.cli;

import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;

/** A connector reference resolved to the factory that opens it. */
record ResolvedConnector(SourceFactory factory, ConnectorInfo info) {}
