/**
 * The solidafy-cdk runtime: plugin loading, the read pipeline, state, the protocol writer and the
 * CLI. It sees plugins only through the SPI and {@link java.util.ServiceLoader}.
 */
module io.solidafy.cdk.runtime {
    requires io.solidafy.cdk.spi;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.cli;
    // The HTTP server's libraries (Jetty, Micrometer, Prometheus) are needed by `serve` alone: the
    // launchers put them on the module path for it only, since resolving them costs every other
    // command about 25 ms of start-up. They are required at compile time and read when present.
    requires static org.eclipse.jetty.server;
    requires static micrometer.core;
    requires static micrometer.registry.prometheus;
    requires jdk.unsupported;

    exports io.solidafy.cdk.runtime.cli;

    uses io.solidafy.cdk.spi.Plugin;
}
