package io.solidafy.cdk.cloud.s3.sdk;

import java.util.Map;

/**
 * Sets the AWS variables of an emulator as Java system properties, which the storage reads like
 * environment variables: the in-process CLI then reaches the emulator exactly as a user's would.
 */
final class SystemEnvironment implements AutoCloseable {

    private final Map<String, String> variables;

    SystemEnvironment(Map<String, String> variables) {
        this.variables = variables;
        variables.forEach(System::setProperty);
    }

    @Override
    public void close() {
        variables.keySet().forEach(System::clearProperty);
    }
}
