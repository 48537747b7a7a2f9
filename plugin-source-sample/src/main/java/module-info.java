module io.solidafy.cdk.sample {
    requires io.solidafy.cdk.spi;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.sample.SamplePlugin;
}
