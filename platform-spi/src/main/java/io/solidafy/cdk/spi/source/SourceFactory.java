package io.solidafy.cdk.spi.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Describes connectors and opens {@link Source}s for them.
 *
 * <p>A factory offers built-in connectors by name ({@link #connectors()}) and may also understand
 * definition files a user points {@code --connector} at (a YAML file, for instance).
 *
 * <p>Threading: methods may be called from several threads at once (the HTTP server serves requests
 * concurrently); implementations keep no per-call mutable state. {@link #connectors()} is called by
 * {@code list} and must be cheap: no network, no heavy native libraries.
 */
public interface SourceFactory {

    /** The built-in connectors this factory offers. */
    List<ConnectorInfo> connectors();

    /**
     * The built-in connector named {@code reference}, else the one with that alias, if this factory
     * offers one. {@code --connector NAME} asks every factory this instead of describing every
     * connector, so a factory whose {@link #connectors()} is costly (parsing many definition files)
     * overrides it to describe only the connector asked for.
     */
    default Optional<ConnectorInfo> connector(String reference) {
        List<ConnectorInfo> all = connectors();
        return all.stream().filter(c -> c.name().equals(reference)).findFirst()
                .or(() -> all.stream().filter(c -> c.aliases().contains(reference)).findFirst());
    }

    /** True when this factory understands the given definition file (usually by its extension). */
    default boolean canLoad(Path definitionFile) {
        return false;
    }

    /**
     * Parses a user's definition file and describes the connector it defines. The returned info
     * carries the file in {@link ConnectorInfo#definitionFile()} so {@link #open} can find it again.
     *
     * @throws ConnectorException naming the first problem when the file is not usable
     */
    default ConnectorInfo load(Path definitionFile) {
        throw new ConnectorException("This plugin does not read connector definition files: " + definitionFile);
    }

    /**
     * Every problem of a definition file, each located as precisely as possible. An empty list
     * means the file is valid. Never throws for a bad file; problems are the answer.
     */
    default List<DefinitionProblem> validate(Path definitionFile) {
        return List.of();
    }

    /**
     * The text of the definition a connector is made from (a declarative connector's YAML), ready
     * to be saved as a file and changed; {@code solidafy-cdk export} prints it. Empty for connectors
     * that no definition file describes (databases, plain-Java sources).
     */
    default Optional<String> definitionText(ConnectorInfo connector) {
        return Optional.empty();
    }

    /**
     * Opens a source for one of this factory's connectors (a built-in one, or one returned by
     * {@link #load}).
     *
     * @param connector the connector to open
     * @param config    the user's config, already validated against {@link
     *                  ConnectorInfo#configFields()} and completed with defaults by the runtime
     * @param context   what the runtime offers the source (logging, extension points)
     * @throws ConnectorException when the config cannot work (unparseable URL, missing file, ...)
     */
    Source open(ConnectorInfo connector, ObjectNode config, SourceContext context);
}
