package io.solidafy.cdk.cloud.s3.sdk;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** S3Proxy in this JVM over an in-memory (or on-disk) blob store, checking AWS signatures (V2 or V4). */
final class S3ProxyEmulator extends S3Emulator {

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    S3ProxyEmulator() throws Exception {
        this(null);
    }

    /** @param directory where the objects are kept as files; null: in memory */
    S3ProxyEmulator(Path directory) throws Exception {
        Properties properties = new Properties();
        if (directory != null) {
            properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        }
        context = ContextBuilder.newBuilder(directory == null ? "transient" : "filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    boolean enforcesConditionalWrites() {
        return false;
    }

    void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
