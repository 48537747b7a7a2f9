package io.solidafy.cdk.runtime.plugin;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of a plugin whose jars cannot form a module layer (split packages, invalid
 * automatic module names). It sees the JDK, the SPI and Jackson from the runtime, and everything
 * else only from its own jars, so two plugins may carry different versions of one library.
 */
final class IsolatedPluginClassLoader extends URLClassLoader {

    /** Packages shared with the runtime: the SPI and the JSON model it exposes. */
    private static final String[] SHARED_PREFIXES = {
        "io.solidafy.cdk.spi.",
        "com.fasterxml.jackson.core.",
        "com.fasterxml.jackson.databind.",
        "com.fasterxml.jackson.annotation."
    };

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtimeLoader;

    IsolatedPluginClassLoader(String name, URL[] jars, ClassLoader runtimeLoader) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.runtimeLoader = runtimeLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : SHARED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return runtimeLoader.loadClass(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
