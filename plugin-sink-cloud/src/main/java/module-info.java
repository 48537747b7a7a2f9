module io.solidafy.cdk.cloud {
    requires io.solidafy.cdk.spi;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.cloud.CloudStoragePlugin;
}
