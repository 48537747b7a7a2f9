package io.solidafy.cdk.parquet.write;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * A Hadoop-free {@link CompressionCodecFactory} for the codecs this sink offers (zstd, snappy,
 * none). Parquet's own factory goes through Hadoop's codec classes, which would drag Hadoop in.
 *
 * @param zstdLevel the zstd compression level
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray: still the simplest way to hand pages to zstd-jni and snappy-java
record Codecs(int zstdLevel) implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new ZstdCompressor(zstdLevel);
            case SNAPPY -> new SnappyCompressor();
            case UNCOMPRESSED -> new NoCompressor();
            default -> throw new IllegalArgumentException("Unsupported Parquet codec " + codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
        return codec == CompressionCodecName.ZSTD ? new ZstdCompressor(level) : getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // compressors own their native state and release it themselves
    }

    /** zstd with a reused native context (one per column writer, used by one thread). */
    private static final class ZstdCompressor implements BytesInputCompressor {
        private final ZstdCompressCtx context;

        ZstdCompressor(int level) {
            context = new ZstdCompressCtx();
            context.setLevel(level);
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(context.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
            context.close();
        }
    }

    private static final class SnappyCompressor implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {}
    }

    private static final class NoCompressor implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {}
    }

    /** Decompression is never needed for writing; provided for completeness of the interface. */
    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] input = bytes.toByteArray();
            return switch (codec) {
                case ZSTD -> BytesInput.from(Zstd.decompress(input, uncompressedSize));
                case SNAPPY -> BytesInput.from(Snappy.uncompress(input));
                case UNCOMPRESSED -> BytesInput.from(input);
                default -> throw new IOException("Unsupported Parquet codec " + codec);
            };
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {}
    }
}
