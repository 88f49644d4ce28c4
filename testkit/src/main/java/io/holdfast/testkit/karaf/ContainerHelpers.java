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
 * packages. It carries no kernel wiring: {@code TestKernel} is for plain JVMs only.
 *
 * <p>What the helpers use inside Karaf is imported with {@code Import-Package} ({@link #CONTAINER_IMPORTS}), so
 * Karaf's features deployer wires it when it resolves the boot, together with exam's bundles, and starts this
 * bundle after them. With {@code DynamicImport-Package: *} alone each of those wires was made on the test's first
 * class load, from pax-exam's RMI thread, at the very end of the boot deployment; Felix ignores every reason a
 * dynamic resolve fails and reports only "... not found by io.holdfast.testkit.container", which it once did for
 * pax-exam's {@code Option} just after the probe had loaded that class. The dynamic import stays for the packages
 * only the test JVM's side of the helpers uses ({@link #DRIVER_ONLY}): most are not installed in Karaf, and
 * importing them would leave the bundle unresolved.
 */
final class ContainerHelpers {
    static final String SYMBOLIC_NAME = "io.holdfast.testkit.container";
    /** Packages the helper classes use inside Karaf, all present in the distribution booted with exam's features. */
    static final List<String> CONTAINER_IMPORTS = List.of("io.holdfast.api.kernel", "io.holdfast.api.message",
            "io.holdfast.api.spi", "javax.inject", "javax.security.auth", "org.apache.karaf.features",
            "org.apache.karaf.jaas.boot.principal", "org.apache.karaf.shell.api.console",
            "org.ops4j.pax.exam;version=\"[4.14,5)\"", "org.ops4j.pax.exam.options;version=\"[4.14,5)\"",
            "org.ops4j.pax.exam.util;version=\"[4.14,5)\"", "org.ops4j.pax.logging", "org.ops4j.pax.logging.spi",
            "org.osgi.framework", "org.osgi.framework.wiring", "org.osgi.service.cm");
    /**
     * Packages only the test JVM's side of the helpers uses: building pax-exam options and this bundle, and the
     * runner and reactor annotations pax-exam reads there (exam's Karaf options, tinybundles, its JUnit 4 runner and
     * reactor strategies are not installed in Karaf).
     */
    static final List<String> DRIVER_ONLY = List.of("org.ops4j.pax.exam.karaf.options", "org.ops4j.pax.tinybundles",
            "org.ops4j.pax.exam.junit", "org.ops4j.pax.exam.spi.reactors", "org.junit.runner");
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
                .setHeader("Import-Package", String.join(",", CONTAINER_IMPORTS))
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
