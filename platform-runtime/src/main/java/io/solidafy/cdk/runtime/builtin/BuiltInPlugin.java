package io.solidafy.cdk.runtime.builtin;

import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/** What the runtime itself contributes: the JSON output formats and the local file storage. */
public final class BuiltInPlugin implements Plugin {

    private final ProtocolWriter protocol;

    public BuiltInPlugin(ProtocolWriter protocol) {
        this.protocol = protocol;
    }

    @Override
    public String name() {
        return "runtime";
    }

    @Override
    public List<SinkFactory> sinks() {
        return List.of(new JsonSinkFactory(protocol));
    }

    @Override
    public List<StorageFactory> storages() {
        return List.of(new FileStorageFactory());
    }
}
