package io.solidafy.cdk.runtime.definition;

import java.util.Locale;
import java.util.Optional;

/**
 * Connector file names of the user guide ({@code connectors/stripe.yaml},
 * {@code connectors/openai-billing.yaml}): the guide names the definition files of the built-in
 * connectors, which this platform bundles instead, so a missing file by such a name stands for the
 * built-in connector of that name or alias. Stateless.
 */
public final class GuideFileNames {

    private static final String FOLDER = "connectors";

    private GuideFileNames() {}

    /**
     * The connector name or alias a file reference stands for: the file name without {@code .yaml}
     * or {@code .yml} when the file sits in a folder named {@code connectors}; empty otherwise.
     * The caller checks first that no such file exists.
     */
    public static Optional<String> connectorReference(String reference) {
        String[] parts = reference.replace('\\', '/').split("/");
        if (parts.length < 2 || !parts[parts.length - 2].equals(FOLDER)) {
            return Optional.empty();
        }
        String file = parts[parts.length - 1];
        String lower = file.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".yaml", ".yml"}) {
            if (lower.endsWith(extension) && file.length() > extension.length()) {
                return Optional.of(file.substring(0, file.length() - extension.length()));
            }
        }
        return Optional.empty();
    }

    /** The INFO line that says a missing file was taken as a built-in connector. */
    public static String notice(String reference, String connectorName) {
        return "Connector file " + reference + " does not exist; using the built-in connector '" + connectorName
                + "' (solidafy-cdk export -c " + connectorName + " prints its definition).";
    }
}
