module io.solidafy.cdk.declarative {
    requires io.solidafy.cdk.spi;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.declarative.DeclarativePlugin;
}
