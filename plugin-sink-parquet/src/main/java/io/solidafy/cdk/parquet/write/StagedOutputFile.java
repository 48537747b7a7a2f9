package io.solidafy.cdk.parquet.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over the local file a storage staged for us. The storage already
 * created the (empty, hidden) file, so both create modes truncate it rather than insist on a new
 * file as Parquet's {@code LocalOutputFile} does.
 */
final class StagedOutputFile implements OutputFile {

    private static final int BUFFER = 256 * 1024;

    private final Path path;

    StagedOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open();
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private PositionOutputStream open() throws IOException {
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(path,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), BUFFER);
        return new PositionOutputStream() {
            private long position;

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public void write(int b) throws IOException {
                file.write(b);
                position++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                file.write(b, off, len);
                position += len;
            }

            @Override
            public void flush() throws IOException {
                file.flush();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
