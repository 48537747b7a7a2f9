/**
 * The solidafy-cdk runtime: plugin loading, the read pipeline, state, the protocol writer and the
 * CLI. It sees plugins only through the SPI and {@link java.util.ServiceLoader}.
 */
module io.solidafy.cdk.runtime {
    requires io.solidafy.cdk.spi;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.cli;
    requires org.eclipse.jetty.server;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires jdk.unsupported;

    exports io.solidafy.cdk.runtime.cli;

    uses io.solidafy.cdk.spi.Plugin;
}
