import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;

/** Creates a container, for the benchmark: {@code java -cp <sdk jars> CreateContainer <connection string> <name>}. */
public class CreateContainer {
    public static void main(String[] args) {
        new BlobServiceClientBuilder().connectionString(args[0]).httpClient(new JdkHttpClientBuilder().build())
                .buildClient().createBlobContainer(args[1]);
    }
}
