package io.solidafy.cdk.examples;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in for the repository's checkout in a temporary folder: the built modules and the
 * launcher are links to the real ones, while {@code examples/} is a fresh copy of the sources (the
 * builds write there, not into the source tree) and {@code plugins-dir/} holds only the built-in
 * plugins asked for, so whatever a test drops there is all the launcher sees besides them.
 */
record Checkout(Path root) {

    static Checkout create(Path folder, List<String> builtInPlugins) throws IOException {
        Path real = Path.of(System.getProperty("solidafy.root"));
        try (Stream<Path> entries = Files.list(real)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals("examples") && !name.equals("plugins-dir") && !name.startsWith(".")) {
                    Files.createSymbolicLink(folder.resolve(name), entry);
                }
            }
        }
        copySources(real.resolve("examples"), folder.resolve("examples"));
        Path plugins = Files.createDirectories(folder.resolve("plugins-dir"));
        for (String plugin : builtInPlugins) {
            Path staged = real.resolve("plugins-dir").resolve(plugin);
            if (!Files.isDirectory(staged)) {
                throw new IllegalStateException(staged + " is missing: the reactor stages it before this module.");
            }
            Files.createSymbolicLink(plugins.resolve(plugin), staged);
        }
        return new Checkout(folder);
    }

    Path resolve(String path) {
        return root.resolve(path);
    }

    /** Deletes a work folder; links to the real checkout are removed, never followed. */
    static void deleteTree(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
