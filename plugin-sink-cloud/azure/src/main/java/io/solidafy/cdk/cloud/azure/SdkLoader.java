package io.solidafy.cdk.cloud.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.stream.Stream;

/**
 * Loads the SDK side of the plugin on first use. The staged plugin folder holds only the small
 * plugin jar, which the runtime loads at every start; the SDK and the classes that use it lie in
 * its {@code sdk/} sub-folder, which the runtime does not read. So {@code list}, {@code spec} and
 * reads to stdout never open (let alone load) a jar of the SDK. Without an {@code sdk/} folder
 * (tests, IDE) the SDK is expected beside the plugin on the class path.
 */
final class SdkLoader {

    static StorageOpener load(Class<?> anchor, String openerClass) {
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            Path sdk = source == null ? null : Path.of(source.getLocation().toURI()).resolveSibling("sdk");
            ClassLoader loader = sdk != null && Files.isDirectory(sdk)
                    ? new URLClassLoader("sdk-" + sdk.getParent().getFileName(), jars(sdk), anchor.getClassLoader())
                    : anchor.getClassLoader();
            return (StorageOpener) Class.forName(openerClass, true, loader).getDeclaredConstructor().newInstance();
        } catch (URISyntaxException | ReflectiveOperationException e) {
            throw new IllegalStateException("The storage plugin's SDK could not be loaded: " + e, e);
        }
    }

    private static URL[] jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().map(SdkLoader::url).toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SdkLoader() {}
}
