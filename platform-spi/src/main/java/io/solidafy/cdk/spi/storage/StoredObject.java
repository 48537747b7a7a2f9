package io.solidafy.cdk.spi.storage;

import java.util.Objects;

/**
 * A small object read whole from a storage (a state file), with the version a later conditional
 * write must name: an ETag, a GCS generation, a file's modification stamp.
 *
 * @param bytes   the object's content
 * @param version opaque to the runtime; passed back to {@link ObjectStorage#write} unchanged
 */
public record StoredObject(byte[] bytes, String version) {

    public StoredObject {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(version, "version");
    }
}
