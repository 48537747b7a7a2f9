package io.solidafy.cdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A throw-away Maven home for the examples' builds: a local repository seeded with this reactor's
 * freshly built SPI, runtime, YAML engine and test kit (so nothing comes from an earlier install),
 * and a {@code settings.xml} that reads everything else (Maven's plugins, JUnit, WireMock) from the
 * outer build's local repository as a file repository, then from Maven Central. The outer
 * repository is only read: the user's {@code ~/.m2} never receives these artifacts.
 *
 * <p>Maven finds both through {@code -Duser.home}, so a command line written for a user
 * ({@code mvn -q -f ... package}) runs unchanged.
 */
record LocalMavenRepository(Path userHome) {

    /** The modules a plugin build resolves: the SPI, the test kit, and what the test kit runs. */
    private static final List<String> MODULES = List.of("platform-spi", "platform-runtime", "plugin-declarative-yaml", "platform-testkit");

    static LocalMavenRepository seed(Path userHome) throws IOException {
        Path root = Path.of(System.getProperty("solidafy.root"));
        String version = System.getProperty("solidafy.version");
        Path repository = userHome.resolve(".m2/repository");
        install(repository, "solidafy-cdk-parent", version, root.resolve("pom.xml"), null);
        for (String module : MODULES) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the reactor builds it before this module.");
            }
            install(repository, module, version, root.resolve(module).resolve("pom.xml"), jar);
        }
        String outer = Path.of(System.getProperty("solidafy.maven.repository")).toUri().toString();
        Files.writeString(userHome.resolve(".m2/settings.xml"), """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>outer-build-cache</id>
                      <repositories>%s</repositories>
                      <pluginRepositories>%s</pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-build-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository("repository", outer), repository("pluginRepository", outer)));
        return new LocalMavenRepository(userHome);
    }

    private static String repository(String element, String url) {
        return "<" + element + "><id>outer-build-cache</id><url>" + url + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></" + element + ">";
    }

    /** Lays the files out as {@code mvn install} would: group/artifact/version/artifact-version.ext. */
    private static void install(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("io/solidafy/cdk").resolve(artifact).resolve(version));
        Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code MAVEN_OPTS} that points Maven at this home. */
    String mavenOpts() {
        return "-Duser.home=" + userHome;
    }
}
