package io.solidafy.cdk.cloud.s3.sdk;

import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bucket and key prefix parsed from {@code s3://bucket/prefix/} (or {@code r2://}).
 *
 * @param scheme {@code s3} or {@code r2}, echoed in the URLs of published objects
 * @param prefix empty, or ends with {@code /}
 */
record S3Location(String scheme, String bucket, String prefix) {

    // S3's rules for new buckets, loosened for the dots and caps of older ones
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");

    static S3Location parse(URI location) {
        String scheme = location.getScheme().toLowerCase(Locale.ROOT);
        String bucket = location.getAuthority();
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new ConnectorException(location + " does not name a bucket; write " + scheme + "://BUCKET/optional/prefix/.");
        }
        String path = location.getPath() == null ? "" : location.getPath();
        String prefix = path.replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return new S3Location(scheme, bucket, prefix);
    }

    /** The object key of a key relative to the prefix. */
    String key(String relative) {
        if (relative.startsWith("/") || relative.contains("//") || relative.equals("..") || relative.startsWith("../")
                || relative.contains("/../") || relative.endsWith("/..")) {
            throw new IllegalArgumentException("Object key escapes the output prefix: " + relative);
        }
        return prefix + relative;
    }

    /** The full URL of a key relative to the prefix. */
    String url(String relative) {
        return scheme + "://" + bucket + "/" + key(relative);
    }

    /** The URL of the root, as {@code s3://bucket/prefix/}. */
    String root() {
        return scheme + "://" + bucket + "/" + prefix;
    }
}
