/** The {@code az://container/prefix} object storage on Azure Blob Storage. */
module io.solidafy.cdk.cloud.azure {
    requires io.solidafy.cdk.spi;
    requires com.azure.core;
    requires com.azure.core.http.jdk.httpclient;
    requires com.azure.storage.blob;
    requires com.azure.storage.common;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.cloud.azure.AzureStoragePlugin;
}
