package io.solidafy.cdk.spi.source;

import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.Secrets;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import java.util.List;

/**
 * What the runtime offers a source when it is opened.
 *
 * <p>Thread-safe: a source may use it from every stream's thread.
 */
public interface SourceContext {

    /**
     * Emits a LOG protocol message. Secrets of the config are masked by the runtime. Inside {@link
     * Source#read} prefer {@link Emitter#log}, which is the same thing.
     */
    void log(LogLevel level, String message);

    /** Every auth type contributed by any plugin, built-in ones included. */
    List<AuthenticatorFactory> authenticators();

    /** Every pagination type contributed by any plugin, built-in ones included. */
    List<PaginatorFactory> paginators();

    /**
     * The run's secret policy: the config's secret values, to mask in every message a plugin builds
     * (errors, logs) with {@link Secrets#mask}. A plugin may add values it learns (fetched tokens)
     * with {@link Secrets#plus} for its own use. Defaults to none for runtimes older than this
     * method.
     */
    default Secrets secrets() {
        return Secrets.none();
    }
}
