package io.solidafy.cdk.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a plugins directory of third-party plugins at test time:
 * <ul>
 *   <li>{@code good/}: a modular plugin (module-info with provides) offering connector {@code good};</li>
 *   <li>{@code broken.jar}: a plugin whose constructor throws;</li>
 *   <li>{@code future.jar}: a plugin built against a newer SPI (it uses a class this runtime lacks);</li>
 *   <li>{@code versioned-a/} and {@code versioned-b/}: plugins bundling version 1 and version 2 of
 *       one library (same module name, same class), offering connectors {@code lib-a} and {@code lib-b}
 *       whose records say which library version they run with.</li>
 * </ul>
 */
final class TestPlugins {

    private TestPlugins() {}

    static Path build(Path work) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        List<Path> spi = TestJars.spiPath();

        Path good = Files.createDirectories(plugins.resolve("good"));
        Files.move(TestJars.jar(work, "good-plugin", Map.of(
                "module-info.java", """
                        module test.good {
                            requires io.solidafy.cdk.spi;
                            provides io.solidafy.cdk.spi.Plugin with test.good.GoodPlugin;
                        }""",
                "test/good/GoodPlugin.java", connectorPlugin("test.good", "GoodPlugin", "good", "\"from-good-plugin\"")),
                services("test.good.GoodPlugin"), spi, true, null), good.resolve("good-plugin.jar"));

        Files.move(TestJars.jar(work, "broken", Map.of("test/broken/BrokenPlugin.java", """
                package test.broken;
                public final class BrokenPlugin implements io.solidafy.cdk.spi.Plugin {
                    public BrokenPlugin() {
                        throw new IllegalStateException("boom: licence file missing");
                    }
                }"""), services("test.broken.BrokenPlugin"), spi, false, null), plugins.resolve("broken.jar"));

        // Built against an SPI with a class this runtime does not have.
        Path newerSpi = TestJars.jar(work, "newer-spi", Map.of("io/solidafy/cdk/spi/FutureExtension.java",
                "package io.solidafy.cdk.spi; public final class FutureExtension { public static java.util.List<io.solidafy.cdk.spi.source.SourceFactory> all() { return java.util.List.of(); } }"),
                Map.of(), spi, false, null);
        List<Path> newerClasspath = new ArrayList<>(spi);
        newerClasspath.add(newerSpi);
        Files.move(TestJars.jar(work, "future", Map.of("test/future/FuturePlugin.java", """
                package test.future;
                public final class FuturePlugin implements io.solidafy.cdk.spi.Plugin {
                    @Override
                    public java.util.List<io.solidafy.cdk.spi.source.SourceFactory> sources() {
                        return io.solidafy.cdk.spi.FutureExtension.all();
                    }
                }"""), services("test.future.FuturePlugin"), newerClasspath, false, null), plugins.resolve("future.jar"));

        for (String version : List.of("a", "b")) {
            Path folder = Files.createDirectories(plugins.resolve("versioned-" + version));
            String libraryVersion = version.equals("a") ? "1.0" : "2.0";
            Path library = TestJars.jar(work, "greeting-" + libraryVersion, Map.of("test/greeting/Greeting.java",
                    "package test.greeting; public final class Greeting { public static String version() { return \"" + libraryVersion + "\"; } }"),
                    Map.of(), List.of(), false, "test.greeting");
            List<Path> classpath = new ArrayList<>(spi);
            classpath.add(library);
            Path plugin = TestJars.jar(work, "versioned-" + version, Map.of("test/v" + version + "/VersionedPlugin.java",
                    connectorPlugin("test.v" + version, "VersionedPlugin", "lib-" + version, "test.greeting.Greeting.version()")),
                    services("test.v" + version + ".VersionedPlugin"), classpath, false, null);
            Files.move(library, folder.resolve("greeting.jar"));
            Files.move(plugin, folder.resolve("versioned-plugin.jar"));
        }
        return plugins;
    }

    private static Map<String, String> services(String provider) {
        return Map.of("META-INF/services/io.solidafy.cdk.spi.Plugin", provider + "\n");
    }

    /** A plugin with one connector whose single stream {@code items} emits one record {@code {"value": <expr>}}. */
    private static String connectorPlugin(String pkg, String className, String connector, String valueExpression) {
        return connectorsPlugin(pkg, className, "List.of(factory(\"%s\", List.of(), %s))".formatted(connector, valueExpression));
    }

    /** A single-jar plugin {@code <jarName>.jar} in {@code work} offering connector {@code connector} (classes in {@code pkg}). */
    static Path connectorJar(Path work, String jarName, String pkg, String connector) throws IOException {
        return TestJars.jar(work, jarName, Map.of(pkg.replace('.', '/') + "/OnePlugin.java",
                connectorPlugin(pkg, "OnePlugin", connector, "\"" + connector + "\"")), services(pkg + ".OnePlugin"),
                TestJars.spiPath(), false, null);
    }

    /**
     * Plugin {@code split/}, whose two jars share package {@code test.split.util} and so cannot form a
     * module layer: connector {@code split}, whose record's value is {@code "a+b"}, one half from each jar.
     */
    static Path buildSplit(Path work) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("split-plugins"));
        Path folder = Files.createDirectories(plugins.resolve("split"));
        Path library = TestJars.jar(work, "split-library", Map.of("test/split/util/A.java",
                "package test.split.util; public final class A { public static String a() { return \"a\"; } }"), Map.of(), List.of(), false, null);
        List<Path> classpath = new ArrayList<>(TestJars.spiPath());
        classpath.add(library);
        Path plugin = TestJars.jar(work, "split-plugin", Map.of(
                "test/split/util/B.java", "package test.split.util; public final class B { public static String b() { return \"b\"; } }",
                "test/split/SplitPlugin.java", connectorPlugin("test.split", "SplitPlugin", "split",
                        "test.split.util.A.a() + \"+\" + test.split.util.B.b()")),
                services("test.split.SplitPlugin"), classpath, false, null);
        Files.move(library, folder.resolve("split-library.jar"));
        Files.move(plugin, folder.resolve("split-plugin.jar"));
        return plugins;
    }

    /**
     * Plugins {@code a-first/} and {@code b-second/}, loaded in that order: both offer connector
     * {@code twin} (records say which plugin served them); {@code a-first} gives it the alias {@code
     * beta}, which {@code b-second} uses as a connector name.
     */
    static Path buildClashing(Path work) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("clashing"));
        List<Path> spi = TestJars.spiPath();
        String first = "List.of(factory(\"twin\", List.of(\"beta\"), \"first\"))";
        String second = "List.of(factory(\"twin\", List.of(), \"second\"), factory(\"beta\", List.of(), \"beta-by-name\"))";
        for (String[] plugin : new String[][] {{"a-first", "test.first", first}, {"b-second", "test.second", second}}) {
            Path folder = Files.createDirectories(plugins.resolve(plugin[0]));
            Path jar = TestJars.jar(work, plugin[0], Map.of(plugin[1].replace('.', '/') + "/TwinPlugin.java",
                    connectorsPlugin(plugin[1], "TwinPlugin", plugin[2])), services(plugin[1] + ".TwinPlugin"), spi, false, null);
            Files.move(jar, folder.resolve(plugin[0] + ".jar"));
        }
        return plugins;
    }

    /**
     * Plugins for on-demand loading, loaded in this order: {@code auth-ext.jar} provides the
     * declarative auth type {@code signed} and nothing else; {@code bystander.jar} offers connector
     * {@code bystander} and appends a line to {@code marker} each time it is instantiated; {@code
     * needs-auth.jar} offers connector {@code needs-auth}, whose check reports the auth types its
     * source context offers, and reads {@code *.conn} definition files (a connector named after the
     * file's text).
     */
    static Path buildOnDemand(Path work, Path marker) throws IOException {
        Path plugins = Files.createDirectories(work.resolve("on-demand"));
        List<Path> spi = TestJars.spiPath();
        Files.move(TestJars.jar(work, "auth-ext", Map.of("test/auth/AuthPlugin.java", """
                package test.auth;

                import io.solidafy.cdk.spi.declarative.*;
                import java.util.List;

                public final class AuthPlugin implements io.solidafy.cdk.spi.Plugin {
                    @Override
                    public List<AuthenticatorFactory> authenticators() {
                        return List.of(new AuthenticatorFactory() {
                            public String type() { return "signed"; }
                            public Authenticator create(ComponentConfig config) { return request -> {}; }
                        });
                    }
                }"""), services("test.auth.AuthPlugin"), spi, false, null), plugins.resolve("auth-ext.jar"));
        String bystander = connectorsPlugin("test.bystander", "BystanderPlugin", "List.of(factory(\"bystander\", List.of(), \"here\"))")
                .replace("public final class BystanderPlugin implements Plugin {", """
                        public final class BystanderPlugin implements Plugin {
                            public BystanderPlugin() {
                                try {
                                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "instantiated\\n",
                                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }
                        """.formatted(marker.toAbsolutePath().toString().replace("\\", "\\\\")));
        Files.move(TestJars.jar(work, "bystander", Map.of("test/bystander/BystanderPlugin.java", bystander),
                services("test.bystander.BystanderPlugin"), spi, false, null), plugins.resolve("bystander.jar"));
        Files.move(TestJars.jar(work, "needs-auth", Map.of("test/needs/NeedsAuthPlugin.java", """
                package test.needs;

                import com.fasterxml.jackson.databind.node.ObjectNode;
                import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
                import io.solidafy.cdk.spi.source.*;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.Optional;
                import java.util.stream.Collectors;

                public final class NeedsAuthPlugin implements io.solidafy.cdk.spi.Plugin {
                    @Override
                    public List<SourceFactory> sources() {
                        return List.of(new SourceFactory() {
                            public List<ConnectorInfo> connectors() { return List.of(info("needs-auth")); }
                            public boolean canLoad(Path file) { return file.toString().endsWith(".conn"); }
                            public ConnectorInfo load(Path file) {
                                try {
                                    return info(Files.readString(file).trim());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                            public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
                                String types = context.authenticators().stream().map(AuthenticatorFactory::type).collect(Collectors.joining(","));
                                return new Source() {
                                    public ConnectionStatus check() { return ConnectionStatus.succeeded(connector.name() + " sees auth types [" + types + "]"); }
                                    public List<StreamDescriptor> streams() { return List.of(StreamDescriptor.named("items")); }
                                    public void read(StreamReadRequest request, Emitter emitter) {
                                        emitter.record(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("auth_types", types));
                                    }
                                };
                            }
                        });
                    }

                    private static ConnectorInfo info(String name) {
                        return new ConnectorInfo(name, "1.0", List.of(), "test", "Testing", "api", List.of(), List.of("items"), false, Optional.empty());
                    }
                }"""), services("test.needs.NeedsAuthPlugin"), spi, false, null), plugins.resolve("needs-auth.jar"));
        return plugins;
    }

    /**
     * A plugin whose sources are {@code factoriesExpression}, built with {@code factory(name, aliases,
     * valueExpression)}: one connector whose stream {@code items} emits one record {@code {"value": <expr>}}.
     */
    private static String connectorsPlugin(String pkg, String className, String factoriesExpression) {
        return """
                package %1$s;

                import com.fasterxml.jackson.databind.node.JsonNodeFactory;
                import com.fasterxml.jackson.databind.node.ObjectNode;
                import io.solidafy.cdk.spi.Plugin;
                import io.solidafy.cdk.spi.source.*;
                import java.util.List;
                import java.util.Optional;

                public final class %2$s implements Plugin {
                    @Override
                    public List<SourceFactory> sources() {
                        return %3$s;
                    }

                    private static SourceFactory factory(String name, List<String> aliases, Object value) {
                        ConnectorInfo info = new ConnectorInfo(name, "1.0", aliases, "test", "Testing", "api",
                                List.of(), List.of("items"), false, Optional.empty());
                        return new SourceFactory() {
                            public List<ConnectorInfo> connectors() { return List.of(info); }
                            public Source open(ConnectorInfo c, ObjectNode config, SourceContext context) {
                                return new Source() {
                                    public ConnectionStatus check() { return ConnectionStatus.succeeded("ok"); }
                                    public List<StreamDescriptor> streams() { return List.of(StreamDescriptor.named("items")); }
                                    public void read(StreamReadRequest request, Emitter emitter) {
                                        emitter.record(JsonNodeFactory.instance.objectNode()
                                                .put("value", String.valueOf(value))
                                                .put("loader", getClass().getClassLoader().getClass().getSimpleName())
                                                .put("in_layer", getClass().getModule().isNamed()));
                                    }
                                };
                            }
                        };
                    }
                }
                """.formatted(pkg, className, factoriesExpression);
    }
}
