module io.solidafy.cdk.database {
    requires io.solidafy.cdk.spi;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.database.DatabasePlugin;
}
