package io.solidafy.cdk.runtime.state;

import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a state file lives: the storage scheme, the folder the storage is opened on, and the key of
 * the file in it.
 *
 * @param localPath present for a local file
 */
record StateLocation(String scheme, URI folder, String key, String display, Optional<Path> localPath) {

    private static final Pattern URL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(.*)$");

    static StateLocation parse(String location) {
        Matcher url = URL.matcher(location.trim());
        if (url.matches() && !url.group(1).equalsIgnoreCase("file")) {
            String text = location.trim();
            int slash = text.lastIndexOf('/');
            String key = text.substring(slash + 1);
            if (key.isEmpty() || slash < url.group(1).length() + 3 || text.indexOf('/', url.group(1).length() + 3) < 0) {
                throw new ConnectorException("--state " + text + " must name a file inside a bucket, e.g. "
                        + url.group(1) + "://bucket/state/connector.json.");
            }
            URI folder;
            try {
                folder = URI.create(text.substring(0, slash + 1));
            } catch (IllegalArgumentException e) {
                throw new ConnectorException("--state " + text + " is not a valid URL (" + e.getMessage() + ").");
            }
            return new StateLocation(url.group(1).toLowerCase(Locale.ROOT), folder, key, text, Optional.empty());
        }
        Path path = (url.matches() ? Path.of(URI.create(location.trim())) : Path.of(location)).toAbsolutePath().normalize();
        Path parent = path.getParent() == null ? path : path.getParent();
        return new StateLocation("file", parent.toUri(), path.getFileName().toString(), path.toString(), Optional.of(path));
    }
}
