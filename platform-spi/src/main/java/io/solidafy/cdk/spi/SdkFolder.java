package io.solidafy.cdk.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Heavy dependencies that a plugin loads only when it first needs them. A plugin folder may hold an
 * {@code sdk/} sub-folder, which the runtime's plugin loader does not read: the plugin's own small
 * jar (its {@link Plugin} and factories) loads at every start, while the jars in {@code sdk/} get a
 * class loader of their own, child of the plugin's, the first time {@link #instantiate} is called.
 * Commands that do not use the plugin therefore never open those jars. Without an {@code sdk/}
 * folder (tests, an IDE) the classes are expected on the plugin's own class path.
 */
public final class SdkFolder {

    private SdkFolder() {}

    /**
     * Creates an instance of {@code className} (public, no-argument constructor) from the {@code
     * sdk/} folder beside the jar (or classes directory) of {@code anchor}. Call it once and keep
     * the result: every call makes a new class loader.
     *
     * @throws ConnectorException when the folder's jars or the class cannot be loaded
     */
    public static <T> T instantiate(Class<?> anchor, String className, Class<T> type) {
        try {
            Optional<Path> folder = folderOf(anchor);
            ClassLoader loader = folder.isPresent() ? loaderOver(folder.get(), anchor.getClassLoader()) : anchor.getClassLoader();
            return type.cast(Class.forName(className, true, loader).getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | ClassCastException | IOException | UncheckedIOException e) {
            throw new ConnectorException("The plugin of " + anchor.getName() + " is incomplete: the libraries in its sdk/ folder cannot be"
                    + " loaded (" + e + "); reinstall the plugin.", e);
        }
    }

    private static Optional<Path> folderOf(Class<?> anchor) throws IOException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
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

    private static ClassLoader loaderOver(Path folder, ClassLoader parent) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            URL[] jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().map(SdkFolder::url).toArray(URL[]::new);
            return new URLClassLoader("sdk-" + folder.getParent().getFileName(), jars, parent);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
