package io.holdfast.examples.pathology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connector's compiled classes refer to no Holdfast package but the published API ({@code io.holdfast.api})
 * and its own: a reference to a kernel bundle's package (internal or not) would tie the connector to that
 * bundle's implementation and fail to resolve, or break silently, when the kernel changes.
 */
class NoKernelImportsTest {
    private static final Pattern HOLDFAST = Pattern.compile("io/holdfast/[A-Za-z0-9_/$]+");

    @Test
    void mainClassesReferToTheApiAndThemselvesOnly() throws IOException {
        Path classes = Path.of("target", "classes");
        assertThat(classes).isDirectory();
        Set<String> foreign = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> foreign.addAll(foreignReferences(read(f))));
        }
        assertThat(foreign).as("Holdfast classes outside io.holdfast.api referred to by the connector").isEmpty();
    }

    @Test
    void theCheckFindsAKernelReference() {
        byte[] classBytes = "\u0001\u0000\u0028Lio/holdfast/journal/internal/JournalCore;\u0001io/holdfast/api/kernel/Intake"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(foreignReferences(classBytes)).containsExactly("io/holdfast/journal/internal/JournalCore");
    }

    static Set<String> foreignReferences(byte[] classFile) {
        Set<String> found = new TreeSet<>();
        Matcher m = HOLDFAST.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String name = m.group();
            if (!name.startsWith("io/holdfast/api/") && !name.startsWith("io/holdfast/examples/pathology/")) {
                found.add(name);
            }
        }
        return found;
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
