package io.solidafy.cdk.parquet;

import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Storage in a local folder for tests and benchmarks: stages a hidden file beside the object, publishes by moving it. */
public final class DirectoryStorage implements ObjectStorage {

    private final Path root;

    public DirectoryStorage(Path root) {
        this.root = root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public Path stage(String key) throws IOException {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), ".staging", ".inprogress");
    }

    @Override
    public String publish(Path staged, String key) throws IOException {
        return Files.move(staged, root.resolve(key)).toString();
    }

    @Override
    public void discard(Path staged) {
        staged.toFile().delete();
    }
}
