package io.solidafy.cdk.cloud.azure.sdk;

import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the SDK's exceptions into one sentence naming the container, account or variable to fix.
 * Never quotes the SDK's own message: it may carry request URLs with SAS signatures.
 */
record AzureErrors(String container, String account) {

    /** A set-up problem found before the sync starts. */
    ConnectorException fatal(RuntimeException e) {
        if (e instanceof BlobStorageException s) {
            if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(s.getErrorCode())) {
                return new ConnectorException("Azure container '" + container + "' does not exist in storage account '" + account
                        + "'; create it or fix the az:// URL.", e);
            }
            if (s.getStatusCode() == 403) {
                return new ConnectorException("Azure refused writing to container '" + container + "' of storage account '" + account
                        + "' (" + s.getErrorCode() + "); check that " + AzureSettings.ACCOUNT_KEY + ", " + AzureSettings.SAS_TOKEN
                        + " or " + AzureSettings.TOKEN + " is valid and grants write access.", e);
            }
            return new ConnectorException("Azure Blob Storage answered " + describe(s) + " for container '" + container
                    + "' of storage account '" + account + "'.", e);
        }
        return new ConnectorException("Could not reach Azure Blob Storage for account '" + account + "' (" + rootCause(e)
                + "); check " + AzureSettings.ENDPOINT + " and the network.", e);
    }

    /** A failed request during the sync: fails the stream, names the object. */
    IOException io(String action, RuntimeException e) {
        String why = e instanceof BlobStorageException s ? "Azure answered " + describe(s) : rootCause(e);
        return new IOException("Could not " + action + ": " + why + ".", e);
    }

    private static String describe(BlobStorageException e) {
        return e.getStatusCode() + (e.getErrorCode() == null ? "" : " " + e.getErrorCode());
    }

    /** The I/O exceptions of the chain (the SDK wraps them in its own), e.g. "ConnectException, caused by ClosedChannelException". */
    private static String rootCause(Throwable e) {
        List<String> parts = new ArrayList<>();
        Throwable root = e;
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof IOException) {
                parts.add(describe(t));
            }
        }
        return parts.isEmpty() ? describe(root) : String.join(", caused by ", parts);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.contains("sig=") ? "" : ": " + message);
    }
}
