module io.solidafy.cdk.parquet {
    requires io.solidafy.cdk.spi;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.parquet.ParquetPlugin;
}
