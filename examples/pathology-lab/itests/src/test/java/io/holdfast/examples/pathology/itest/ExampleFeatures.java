package io.holdfast.examples.pathology.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example's real features repository, with its two {@code mvn:io.holdfast.examples/...} bundle URLs pointed at
 * the jars the reactor just built ({@code mvn verify} installs nothing, and Karaf reads only the local Maven
 * repository). Everything else (features, requirement, configs) is the file as shipped.
 */
final class ExampleFeatures {
    private ExampleFeatures() {
    }

    /** Writes the test copy under target/ and returns its file: URL. */
    static String testCopy() {
        String version = System.getProperty("holdfast.version");
        try {
            String xml = Files.readString(Path.of(required("pathology.features")));
            xml = replace(xml, "mvn:io.holdfast.examples/pathology-lab-connector/" + version, jar("pathology.connector.jar"));
            xml = replace(xml, "mvn:io.holdfast.examples/pathology-lab-simulator/" + version, jar("pathology.simulator.jar"));
            Path copy = Path.of("target", "pathology-features-itest.xml").toAbsolutePath();
            Files.writeString(copy, xml);
            return copy.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replace(String xml, String url, String by) {
        if (!xml.contains(url)) {
            throw new IllegalStateException("the features file does not name " + url);
        }
        return xml.replace(url, by);
    }

    private static String jar(String property) {
        Path jar = Path.of(required(property));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the example's connector and simulator modules first");
        }
        return jar.toUri().toString();
    }

    private static String required(String name) {
        String v = System.getProperty(name, "");
        if (v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the test through Maven (failsafe sets it)");
        }
        return v;
    }
}
