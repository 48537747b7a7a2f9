package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sink ignores a failing warm-up (it is only a head start), so a broken one would go unnoticed but for this test. */
class WriterWarmUpTest {

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"ZSTD", "SNAPPY", "UNCOMPRESSED"})
    void writesAWholeFileWithEveryCodecTheSinkOffers(CompressionCodecName codec) throws Exception {
        long bytes = WriterWarmUp.run(new WriterSettings(codec, 3, 1 << 20, 64 << 10));
        // two 4-byte magics, eight column chunks and a footer describing them
        assertTrue(bytes > 500, codec + " wrote only " + bytes + " bytes");
    }
}
