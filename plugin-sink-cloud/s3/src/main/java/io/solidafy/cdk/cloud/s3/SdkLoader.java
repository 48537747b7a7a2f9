package io.solidafy.cdk.cloud.s3;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the SDK side of the plugin once. Installed, the plugin folder holds only this small jar;
 * the AWS SDK and the code using it sit in its {@code sdk/} sub-folder, which the plugin loader does
 * not scan, and get their own class loader here (a module layer over the SDK's ~35 jars would cost
 * every command about 0.15 s of CPU). On a class path (tests) they are already visible.
 */
final class SdkLoader {

    private static final String FACTORY = "io.solidafy.cdk.cloud.s3.sdk.SdkStorageFactory";
    private static StorageFactory factory;

    private SdkLoader() {}

    static synchronized StorageFactory factory() {
        if (factory == null) {
            try {
                ClassLoader loader = sdkFolder().map(SdkLoader::loaderOver).orElse(SdkLoader.class.getClassLoader());
                factory = (StorageFactory) Class.forName(FACTORY, true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | IOException | java.io.UncheckedIOException e) {
                throw new ConnectorException("The S3 storage plugin is incomplete: the AWS SDK in its sdk/ folder cannot be loaded ("
                        + e + "); reinstall the plugin.", e);
            }
        }
        return factory;
    }

    private static Optional<Path> sdkFolder() throws IOException {
        CodeSource source = SdkLoader.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path self = Path.of(source.getLocation().toURI());
            Path folder = (Files.isDirectory(self) ? self : self.getParent()).resolve("sdk");
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the plugin's location " + source.getLocation() + " is not a file", e);
        }
    }

    private static ClassLoader loaderOver(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            URL[] jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().map(SdkLoader::url).toArray(URL[]::new);
            return new URLClassLoader("plugin-storage-s3-sdk", jars, SdkLoader.class.getClassLoader());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
