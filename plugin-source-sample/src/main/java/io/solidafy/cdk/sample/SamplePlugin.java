package io.solidafy.cdk.sample;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.List;

/** Contributes the credential-free {@code sample} source. */
public final class SamplePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-source-sample";
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(new SampleSourceFactory());
    }
}
