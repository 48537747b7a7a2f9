package io.solidafy.cdk.sample;

import io.solidafy.cdk.spi.Plugin;

/** The credential-free sample source. */
public final class SamplePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-source-sample";
    }
}
