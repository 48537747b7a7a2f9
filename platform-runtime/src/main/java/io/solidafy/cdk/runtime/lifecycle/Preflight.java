package io.solidafy.cdk.runtime.lifecycle;

import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;

/** Checks made before a sync's first source request, so a bad destination costs no reading. */
public final class Preflight {

    private Preflight() {}

    /**
     * Returns {@code storage} once it proved writable (see {@link ObjectStorage#checkWritable()});
     * closes it and rethrows otherwise. A null storage (stdout formats) passes through.
     */
    public static ObjectStorage writable(ObjectStorage storage) throws IOException {
        if (storage == null) {
            return null;
        }
        try {
            storage.checkWritable();
            return storage;
        } catch (IOException | RuntimeException e) {
            try {
                storage.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
