package io.solidafy.examples.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Describes {@code local-files} and opens it on a folder. Stateless, so thread-safe and cheap for {@code list}. */
final class FolderSourceFactory implements SourceFactory {

    static final ConnectorInfo INFO = new ConnectorInfo("local-files", "0.1.0", List.of("folder"),
            "CSV and NDJSON files of a local folder; each sub-folder is a stream, incremental by file modification time",
            "Files", "files",
            List.of(ConfigField.requiredString("path", false, "The folder; each of its sub-folders is one stream")),
            List.of(), true, Optional.empty());

    @Override
    public List<ConnectorInfo> connectors() {
        return List.of(INFO);
    }

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        String path = config.path("path").asText("");
        if (path.isBlank()) {
            throw new ConnectorException("Config field 'path' must name a folder.");
        }
        return new FolderSource(Path.of(path));
    }
}
