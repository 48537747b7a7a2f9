package io.solidafy.cdk.runtime.ops;

/** A command line that cannot be understood; exits with code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
