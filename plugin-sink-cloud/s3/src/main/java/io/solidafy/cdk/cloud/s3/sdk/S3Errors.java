package io.solidafy.cdk.cloud.s3.sdk;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK failures into one sentence that names what to fix. */
final class S3Errors {

    private S3Errors() {}

    /**
     * @param action what failed, e.g. {@code Uploading s3://bucket/key}
     */
    static String describe(SdkException e, String action, S3Location where, S3Settings settings) {
        String store = settings.endpoint().map(u -> "the S3 endpoint " + u).orElse("AWS S3");
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null || s3.awsErrorDetails().errorCode() == null ? "" : s3.awsErrorDetails().errorCode();
            if (code.equals("NoSuchBucket")) {
                return "Bucket '" + where.bucket() + "' does not exist at " + store + "; create it or fix the " + where.scheme() + ":// URL.";
            }
            if (code.equals("InvalidAccessKeyId")) {
                return store.substring(0, 1).toUpperCase() + store.substring(1) + " does not know the access key in AWS_ACCESS_KEY_ID; check AWS_ACCESS_KEY_ID.";
            }
            if (code.equals("SignatureDoesNotMatch")) {
                return store.substring(0, 1).toUpperCase() + store.substring(1) + " rejected the request signature; check AWS_SECRET_ACCESS_KEY.";
            }
            if (s3.statusCode() == 403) {
                return action + " was denied (" + (code.isEmpty() ? "HTTP 403" : code) + "): the credentials may not write to " + where.root() + ".";
            }
            String message = s3.awsErrorDetails() == null ? s3.getMessage() : s3.awsErrorDetails().errorMessage();
            return action + " failed: " + (code.isEmpty() ? "" : code + ", ") + "HTTP " + s3.statusCode() + (message == null ? "" : ", " + message) + ".";
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return "No AWS credentials found for " + where.root() + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or configure an AWS profile or role).";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.IOException) {
            return action + " failed: cannot reach " + store + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ").";
        }
        return action + " failed: " + message.replaceAll("\\s+", " ").trim() + (message.endsWith(".") ? "" : ".");
    }

    /** A create-only or compare-and-swap precondition was not met. */
    static boolean preconditionFailed(SdkException e) {
        return e instanceof S3Exception s3 && (s3.statusCode() == 412 || s3.statusCode() == 409
                && s3.awsErrorDetails() != null && "ConditionalRequestConflict".equals(s3.awsErrorDetails().errorCode()));
    }

    static boolean notFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404
                && (s3.awsErrorDetails() == null || !"NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
    }
}
