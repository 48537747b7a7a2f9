/**
 * The solidafy-cdk runtime: plugin loading, the read pipeline, state, the protocol writer and the
 * CLI. It sees plugins only through the SPI and {@link java.util.ServiceLoader}.
 */
module io.solidafy.cdk.runtime {
    requires io.solidafy.cdk.spi;
    requires com.fasterxml.jackson.databind;
    requires jcommander;
    requires org.eclipse.jetty.server;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires jdk.unsupported;

    exports io.solidafy.cdk.runtime.cli;

    opens io.solidafy.cdk.runtime.cli to jcommander;
    opens io.solidafy.cdk.runtime.selection to jcommander;
    opens io.solidafy.cdk.runtime.progress to jcommander;

    uses io.solidafy.cdk.spi.Plugin;
}
