package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A third-party plugin jar, compiled and packed at test time, adds an auth type and a pagination
 * type; a connector file uses them by name through the real CLI with --plugins-dir.
 */
class ExtensionTest extends WireMockSupport {

    private static final String PLUGIN = """
            package ext;

            import io.solidafy.cdk.spi.Plugin;
            import io.solidafy.cdk.spi.declarative.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;

            public final class SigningPlugin implements Plugin {
                @Override
                public List<AuthenticatorFactory> authenticators() {
                    return List.of(new AuthenticatorFactory() {
                        public String type() { return "hmac_signature"; }
                        public Authenticator create(ComponentConfig config) {
                            String keyId = config.requireString("key_id");
                            return request -> request.setHeader("X-Signature", keyId + ":" + request.method() + ":" + request.uri().getPath());
                        }
                    });
                }

                @Override
                public List<PaginatorFactory> paginators() {
                    return List.of(new PaginatorFactory() {
                        public String type() { return "fixed_pages"; }
                        public Paginator create(ComponentConfig config) {
                            int pages = Integer.parseInt(config.requireString("pages"));
                            return new Paginator() {
                                int page = 1;
                                public PageRequest first() { return PageRequest.query(Map.of("p", "1")); }
                                public Optional<PageRequest> next(PageResponse response) {
                                    if (++page > pages) { return Optional.empty(); }
                                    return Optional.of(PageRequest.query(Map.of("p", Integer.toString(page))));
                                }
                            };
                        }
                    });
                }
            }
            """;

    private Path buildPluginJar(Path pluginsDir) throws IOException {
        Path src = dir.resolve("src/ext/SigningPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, PLUGIN);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "--release", "17", "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertEquals(0, code, "the test plugin must compile");
        Path jar = pluginsDir.resolve("signing-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.solidafy.cdk.spi.Plugin"));
            out.write("ext.SigningPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void pluginAuthTypeAndPaginatorAreUsableFromYaml() throws IOException {
        Path plugins = dir.resolve("plugins");
        buildPluginJar(plugins);
        server.stubFor(get(urlPathEqualTo("/things")).willReturn(okJson("[{\"id\":1}]")));
        Path file = connector("""
                name: extended
                base_url: BASE
                auth:
                  type: hmac_signature
                  key_id: "{{ config.key_id }}"
                streams:
                  - name: things
                    request:
                      path: /things
                    pagination:
                      type: fixed_pages
                      pages: 3
                """);
        CliRun result = read(file, "{\"key_id\":\"k1\"}");
        assertEquals(3, result.records("things").size(), result.stdout() + result.stderr());
        for (String page : List.of("1", "2", "3")) {
            server.verify(1, getRequestedFor(urlEqualTo("/things?p=" + page)).withHeader("X-Signature", equalTo("k1:GET:/things")));
        }
        assertTrue(result.stderr().isEmpty() || !result.stderr().contains("skipped"), result.stderr());
    }
}
