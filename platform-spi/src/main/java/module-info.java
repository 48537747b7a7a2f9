/**
 * The solidafy-cdk plugin SPI: the only module a plugin compiles against.
 *
 * <p>Records are Jackson {@code ObjectNode}s, so Jackson is re-exported to every plugin.
 */
module io.solidafy.cdk.spi {
    requires transitive com.fasterxml.jackson.databind;

    exports io.solidafy.cdk.spi;
    exports io.solidafy.cdk.spi.source;
    exports io.solidafy.cdk.spi.sink;
    exports io.solidafy.cdk.spi.storage;
    exports io.solidafy.cdk.spi.declarative;
}
