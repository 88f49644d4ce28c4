package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connector's boundary: its classes refer to Holdfast only through {@code io.holdfast.api} (canonical-api), never
 * to a kernel bundle's packages, which are private and change without notice. Reads the compiled classes' constant
 * pools, so a dependency added later (not only the compile class path of today) cannot slip past.
 */
class ApiBoundaryTest {
    private static final Pattern HOLDFAST_NAME = Pattern.compile("io/holdfast/[A-Za-z0-9_/$]+");

    @Test
    void connectorClassesUseOnlyTheCanonicalApi() throws IOException, URISyntaxException {
        Path classes = Path.of(ConnectorNames.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> used = new TreeSet<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(classes)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path classFile : classFiles) {
            Matcher m = HOLDFAST_NAME.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                used.add(m.group());
            }
        }

        assertThat(classFiles).as("connector classes found in " + classes).hasSizeGreaterThan(5);
        assertThat(used).as("Holdfast types the connector uses").anyMatch(n -> n.startsWith("io/holdfast/api/kernel/Intake"));
        assertThat(used).as("Holdfast types outside canonical-api").allMatch(n -> n.startsWith("io/holdfast/api/"));
    }
}
