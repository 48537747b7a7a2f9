package io.solidafy.cdk.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the SPI that third-party plugins are compiled against: nothing recorded in
 * {@code spi-signatures.txt} may disappear or change, and no abstract method may be added to an
 * existing interface (it would break every plugin implementing it; add a default method instead).
 * After an intended, compatible addition, copy {@code target/spi-signatures.actual.txt} over the
 * recorded file.
 */
class SpiCompatibilityTest {

    @Test
    void publishedSignaturesStay() throws Exception {
        TreeSet<String> actual = signatures();
        Files.write(Path.of("target", "spi-signatures.actual.txt"), actual);
        List<String> recorded;
        try (var in = SpiCompatibilityTest.class.getResourceAsStream("/spi-signatures.txt")) {
            recorded = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        List<String> removed = recorded.stream().filter(line -> !actual.contains(line)).toList();
        assertTrue(removed.isEmpty(), "SPI signatures removed or changed (this breaks existing plugins): " + removed);
        TreeSet<String> recordedTypes = recorded.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toCollection(TreeSet::new));
        List<String> newAbstract = actual.stream()
                .filter(line -> line.contains(" abstract "))
                .filter(line -> recordedTypes.contains(line.substring(0, line.indexOf(' '))))
                .filter(line -> !recorded.contains(line))
                .toList();
        assertTrue(newAbstract.isEmpty(), "abstract methods added to existing SPI interfaces (use default methods): " + newAbstract);
    }

    /** One line per public member of every public SPI type: {@code Type member-kind signature}. */
    static TreeSet<String> signatures() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                    .forEach(p -> classNames.add(root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "")));
        }
        TreeSet<String> lines = new TreeSet<>();
        for (String name : classNames) {
            Class<?> type = Class.forName(name);
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            String owner = type.getName();
            lines.add(owner + " type " + (type.isInterface() ? "interface" : type.isRecord() ? "record" : type.isEnum() ? "enum" : "class"));
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    String kind = Modifier.isAbstract(method.getModifiers()) ? "abstract" : Modifier.isStatic(method.getModifiers()) ? "static" : "method";
                    lines.add(owner + " " + kind + " " + method.getGenericReturnType().getTypeName() + " " + method.getName()
                            + params(method.getGenericParameterTypes()));
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    lines.add(owner + " constructor " + params(constructor.getGenericParameterTypes()));
                }
            }
            for (var field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    lines.add(owner + " field " + field.getGenericType().getTypeName() + " " + field.getName());
                }
            }
        }
        return lines;
    }

    private static String params(java.lang.reflect.Type[] types) {
        return Arrays.stream(types).map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }
}
