package io.solidafy.cdk.cloud.s3.sdk;

import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where and as whom to connect, from the standard AWS variables. Each variable may also be given as
 * a Java system property of the same name; the environment wins.
 *
 * @param endpoint an S3-compatible endpoint (MinIO, R2, Ceph...): path-style addressing is used
 * @param region   empty: the AWS profile's region, else {@code us-east-1} with cross-region access
 * @param keys     empty: the SDK's default credential chain (profile, web identity, container, instance)
 * @param maxAttempts {@code AWS_MAX_ATTEMPTS}: attempts per request, overriding the default
 */
record S3Settings(Optional<URI> endpoint, Optional<String> region, Optional<Keys> keys, Optional<Integer> maxAttempts) {

    /** Static credentials; never printed. */
    record Keys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
        @Override
        public String toString() {
            return "Keys[" + accessKeyId + ", ***]";
        }
    }

    static Optional<String> systemEnvironment(String name) {
        return Stream.of(System.getenv(name), System.getProperty(name))
                .filter(v -> v != null && !v.isBlank())
                .map(String::trim)
                .findFirst();
    }

    static S3Settings resolve(String scheme, Function<String, Optional<String>> env) {
        Optional<URI> endpoint = first(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ENDPOINT").map(S3Settings::endpoint);
        Optional<String> region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        if (scheme.equals("r2")) {
            if (endpoint.isEmpty()) {
                endpoint = env.apply("R2_ACCOUNT_ID").map(id -> URI.create("https://" + id + ".r2.cloudflarestorage.com"));
            }
            if (endpoint.isEmpty()) {
                throw new ConnectorException("r2:// needs the account's endpoint: set AWS_ENDPOINT to https://<ACCOUNT_ID>.r2.cloudflarestorage.com (or set R2_ACCOUNT_ID).");
            }
            region = region.or(() -> Optional.of("auto"));
        }
        return new S3Settings(endpoint, region, keys(env), env.apply("AWS_MAX_ATTEMPTS").map(S3Settings::attempts));
    }

    private static Optional<Keys> keys(Function<String, Optional<String>> env) {
        Optional<String> id = env.apply("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.apply("AWS_SECRET_ACCESS_KEY");
        if (id.isPresent() != secret.isPresent()) {
            throw new ConnectorException((id.isPresent() ? "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
                    : "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not") + "; set both.");
        }
        return id.map(i -> new Keys(i, secret.get(), env.apply("AWS_SESSION_TOKEN")));
    }

    private static int attempts(String value) {
        try {
            int attempts = Integer.parseInt(value);
            if (attempts >= 1) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException("AWS_MAX_ATTEMPTS must be a whole number of at least 1, not '" + value + "'.");
    }

    private static URI endpoint(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new ConnectorException("AWS_ENDPOINT must be an http:// or https:// URL, not '" + value + "'.");
        }
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("AWS_ENDPOINT '" + value + "' is not a valid URL.");
        }
    }

    private static Optional<String> first(Function<String, Optional<String>> env, String... names) {
        return Stream.of(names).map(env).flatMap(Optional::stream).findFirst();
    }
}
