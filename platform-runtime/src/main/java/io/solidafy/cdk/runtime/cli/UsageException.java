package io.solidafy.cdk.runtime.cli;

/** A command line that cannot be understood; exits with code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
