package io.solidafy.examples.files;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.List;

/** Adds the {@code local-files} connector: a folder of CSV and NDJSON files, incremental by modification time. */
public final class FolderSourcePlugin implements Plugin {

    @Override
    public String name() {
        return "folder-source";
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(new FolderSourceFactory());
    }
}
