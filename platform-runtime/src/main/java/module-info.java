/**
 * The solidafy-cdk runtime: plugin loading, the read pipeline, state, the protocol writer and the
 * CLI. It sees plugins only through the SPI and {@link java.util.ServiceLoader}.
 */
module io.solidafy.cdk.runtime {
    requires io.solidafy.cdk.spi;
    requires com.fasterxml.jackson.databind;
    requires jcommander;

    exports io.solidafy.cdk.runtime.cli;

    opens io.solidafy.cdk.runtime.cli to jcommander;
    opens io.solidafy.cdk.runtime.progress to jcommander;

    uses io.solidafy.cdk.spi.Plugin;
}
