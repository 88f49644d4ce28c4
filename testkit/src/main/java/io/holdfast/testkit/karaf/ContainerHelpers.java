package io.holdfast.testkit.karaf;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.fixture.Hl7Samples;
import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.fixture.MllpFraming;
import io.holdfast.testkit.fixture.MllpTestSender;
import io.holdfast.testkit.journal.JournalTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.InnerClassStrategy;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * The testkit classes a pax-exam test uses inside the container, as a bundle installed next to the
 * probe. pax-exam's probe holds only the test module's own classes (its test-classes folder), so a
 * base class or helper from a jar must reach the container another way; this bundle exports their
 * packages and imports whatever they need dynamically (Karaf, canonical-api, JUnit, pax-exam). It
 * carries no kernel wiring: {@code TestKernel} is for plain JVMs only.
 */
final class ContainerHelpers {
    static final String SYMBOLIC_NAME = "io.holdfast.testkit.container";
    private static final List<Class<?>> CLASSES = List.of(KernelTestSupport.class, KarafShell.class, KernelBundleWatch.class,
            KernelBundles.class, HoldfastDistribution.class, HoldfastTarball.class, ContainerHelpers.class, Await.class,
            LoopbackPorts.class, JournalTrace.class, MllpFraming.class, MllpTestSender.class, Hl7Samples.class);

    private ContainerHelpers() {
    }

    /** The bundle as a pax-exam provisioning option (Karaf installs bundles by URL, so it is written to a file first). */
    static Option bundleOption() {
        return bundle(buildBundle().toUri().toString()).start();
    }

    /** Writes the bundle to a temporary file (deleted when the JVM exits). */
    static Path buildBundle() {
        TinyBundle b = TinyBundles.bundle()
                .symbolicName(SYMBOLIC_NAME)
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-Version", osgiVersion(HoldfastTarball.holdfastVersion()))
                .setHeader("Export-Package", "io.holdfast.testkit.karaf,io.holdfast.testkit.fixture,io.holdfast.testkit.journal")
                .setHeader("DynamicImport-Package", "*");
        CLASSES.forEach(c -> b.addClass(c, InnerClassStrategy.ALL));
        b.addResource("io/holdfast/testkit/karaf/versions.properties", HoldfastTarball.class.getResource("versions.properties"));
        try (InputStream in = b.build(TinyBundles.rawBuilder())) {
            Path jar = Files.createTempFile("holdfast-testkit-container-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the testkit's container bundle", e);
        }
    }

    /** 0.1.0-SNAPSHOT becomes 0.1.0.SNAPSHOT (an OSGi qualifier). */
    static String osgiVersion(String mavenVersion) {
        String[] parts = mavenVersion.split("-", 2);
        return parts.length == 1 ? parts[0] : parts[0] + "." + parts[1].replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
