package io.solidafy.cdk.declarative.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A response body received whole before anything is decoded, so a page is all or nothing: in
 * memory up to a limit, past it spilled to a temporary file (deleted on {@link #close()}), which
 * keeps memory bounded for very large pages. Can be read any number of times. One thread.
 */
public final class PageBody implements AutoCloseable {

    private final byte[] bytes;
    private final int length;
    private final Path file;
    private final long size;
    private boolean kept;

    private PageBody(byte[] bytes, int length, Path file, long size) {
        this.bytes = bytes;
        this.length = length;
        this.file = file;
        this.size = size;
    }

    static PageBody empty() {
        return new PageBody(new byte[0], 0, null, 0);
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param expected the declared length, or negative when unknown
     * @throws IOException when the body breaks off (reset, truncation, malformed chunk, deadline)
     */
    static PageBody receive(InputStream in, long expected, long memoryLimit) throws IOException {
        int initial = expected >= 0 && expected <= memoryLimit ? (int) expected + 1 : 8192;
        byte[] buffer = new byte[Math.max(initial, 16)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length >= memoryLimit) {
                    return spill(buffer, length, in);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(memoryLimit, 16), (long) buffer.length * 2));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return new PageBody(buffer, length, null, length);
            }
            length += read;
        }
    }

    private static PageBody spill(byte[] head, int length, InputStream rest) throws IOException {
        Path file = Files.createTempFile("solidafy-page-", ".body");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(head, 0, length);
            long size = length + rest.transferTo(out);
            return new PageBody(null, 0, file, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A new stream over the whole body. */
    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(bytes, 0, length) : new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    public long size() {
        return size;
    }

    /** Whether the body is on disk (larger than the memory limit). */
    public boolean spilled() {
        return file != null;
    }

    /** Keeps the body past the handler it was given to; the caller then closes it. */
    public PageBody keep() {
        kept = true;
        return this;
    }

    boolean kept() {
        return kept;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit(); // a temp file; the JVM tries again at exit
            }
        }
    }
}
