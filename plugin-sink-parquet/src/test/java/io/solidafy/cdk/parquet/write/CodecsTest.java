package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** Parquet asks for a compressor per column and row group; the native zstd state must not multiply with them. */
@SuppressWarnings("deprecation") // BytesInput.toByteArray, as in Codecs
class CodecsTest {

    @Test
    void allColumnsShareOneZstdContextPerLevelWhichReleaseFrees() throws Exception {
        Codecs codecs = new Codecs(3);
        var first = codecs.getCompressor(CompressionCodecName.ZSTD);
        for (int column = 0; column < 500; column++) {
            assertSame(first, codecs.getCompressor(CompressionCodecName.ZSTD));
        }
        assertSame(first, codecs.getCompressor(CompressionCodecName.ZSTD, 3));
        assertNotSame(first, codecs.getCompressor(CompressionCodecName.ZSTD, 9));
        assertEquals(2, codecs.openZstdContexts());

        byte[] page = "a page of values, a page of values, a page of values".getBytes();
        byte[] compressed = first.compress(BytesInput.from(page)).toByteArray();
        assertArrayEquals(page, codecs.getDecompressor(CompressionCodecName.ZSTD)
                .decompress(BytesInput.from(compressed), page.length).toByteArray());

        codecs.release();
        assertEquals(0, codecs.openZstdContexts());
    }
}
