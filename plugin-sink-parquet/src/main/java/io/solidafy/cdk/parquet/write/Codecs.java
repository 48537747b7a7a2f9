package io.solidafy.cdk.parquet.write;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * A Hadoop-free {@link CompressionCodecFactory} for the codecs this sink offers (zstd, snappy,
 * none). Parquet's own factory goes through Hadoop's codec classes, which would drag Hadoop in.
 *
 * <p>Parquet asks for a compressor for every column of every row group and releases none of them,
 * only the factory when the file is closed. So one compressor per codec and level serves all the
 * columns of a file (which one thread writes), and {@link #release()} frees zstd's native context.
 * A context per column and row group, left to the garbage collector, took 1.3 GB of native memory
 * on a 500-column table.
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray: still the simplest way to hand pages to zstd-jni and snappy-java
final class Codecs implements CompressionCodecFactory {

    private static final BytesInputCompressor SNAPPY = new SnappyCompressor();
    private static final BytesInputCompressor NONE = new NoCompressor();

    private final int zstdLevel;
    /** By level: Parquet may ask for a column's own level. */
    private final Map<Integer, ZstdCompressor> zstd = new HashMap<>();

    /** @param zstdLevel the zstd compression level */
    Codecs(int zstdLevel) {
        this.zstdLevel = zstdLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return getCompressor(codec, zstdLevel);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
        return switch (codec) {
            case ZSTD -> zstd.computeIfAbsent(level, ZstdCompressor::new);
            case SNAPPY -> SNAPPY;
            case UNCOMPRESSED -> NONE;
            default -> throw new IllegalArgumentException("Unsupported Parquet codec " + codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    /** Frees the native zstd contexts; Parquet calls it when the file is closed. */
    @Override
    public void release() {
        zstd.values().forEach(ZstdCompressor::close);
        zstd.clear();
    }

    /** Native zstd contexts held now (for tests). */
    int openZstdContexts() {
        return zstd.size();
    }

    /** zstd with a reused native context, shared by the columns of one file; the factory frees it. */
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

        /** Shared by every column: only {@link Codecs#release()} frees it. */
        @Override
        public void release() {}

        void close() {
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
