package io.holdfast.testkit.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** The bundle that carries the testkit's helpers into Karaf next to a pax-exam probe. */
class ContainerHelpersTest {

    @Test
    void theBundleExportsTheHelperPackagesAndHoldsTheirClassesWithInnerClasses() throws Exception {
        Path jar = ContainerHelpers.buildBundle();

        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes headers = file.getManifest().getMainAttributes();
            assertThat(headers.getValue("Bundle-SymbolicName")).isEqualTo(ContainerHelpers.SYMBOLIC_NAME);
            assertThat(headers.getValue("Bundle-ManifestVersion")).isEqualTo("2");
            assertThat(headers.getValue("Export-Package")).contains("io.holdfast.testkit.karaf", "io.holdfast.testkit.fixture",
                    "io.holdfast.testkit.journal");
            assertThat(headers.getValue("DynamicImport-Package")).isEqualTo("*");
            assertThat(file.getEntry("io/holdfast/testkit/karaf/KernelTestSupport.class")).isNotNull();
            assertThat(file.getEntry("io/holdfast/testkit/karaf/KarafShell.class")).isNotNull();
            assertThat(file.getEntry("io/holdfast/testkit/fixture/Await.class")).isNotNull();
            assertThat(file.getEntry("io/holdfast/testkit/karaf/versions.properties")).as("read by HoldfastTarball in the container")
                    .isNotNull();
            // no kernel wiring in Karaf: TestKernel is for plain JVMs
            assertThat(file.getEntry("io/holdfast/testkit/TestKernel.class")).isNull();
        }
    }

    /**
     * Karaf's deployer must wire what the helpers use in the container when it resolves the bundle, with exam's
     * bundles, rather than leave it to a dynamic import on the test's first class load (which failed once with
     * "org.ops4j.pax.exam.Option not found by io.holdfast.testkit.container"). Optional imports would not do:
     * one left unwired at resolve time is never wired later.
     */
    @Test
    void thePackagesTheHelpersUseInKarafAreMandatoryImports() throws Exception {
        try (JarFile file = new JarFile(ContainerHelpers.buildBundle().toFile())) {
            String imports = file.getManifest().getMainAttributes().getValue("Import-Package");

            assertThat(imports).isNotNull().doesNotContain("resolution:=");
            assertThat(importedPackages(imports)).contains("org.ops4j.pax.exam", "org.ops4j.pax.exam.util", "javax.inject",
                    "org.osgi.framework", "io.holdfast.api.kernel");
        }
    }

    /** A helper that starts using a new package in Karaf fails here until the package is imported (or named driver-only). */
    @Test
    void everyPackageTheBundlesClassesReferToIsImportedOrUsedOnlyInTheTestJvm() throws Exception {
        Path jar = ContainerHelpers.buildBundle();
        Set<String> imported;
        try (JarFile file = new JarFile(jar.toFile())) {
            imported = importedPackages(file.getManifest().getMainAttributes().getValue("Import-Package"));
        }
        Set<String> referred = referredPackages(jar);

        assertThat(referred).as("jdeps found the helpers' references").contains("org.ops4j.pax.exam", "org.osgi.framework");
        assertThat(referred).filteredOn(p -> !p.startsWith("java.") && !p.startsWith("io.holdfast.testkit."))
                .allMatch(p -> imported.contains(p) || ContainerHelpers.DRIVER_ONLY.contains(p),
                        "imported (ContainerHelpers.CONTAINER_IMPORTS) or driver-only (ContainerHelpers.DRIVER_ONLY)");
        assertThat(imported).as("no import of a driver-only package").doesNotContainAnyElementsOf(ContainerHelpers.DRIVER_ONLY);
    }

    /** Package names of an Import-Package header (version ranges hold commas inside quotes). */
    private static Set<String> importedPackages(String header) {
        Set<String> packages = new TreeSet<>();
        if (header == null) {
            return packages;
        }
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            packages.add(clause.split(";")[0].trim());
        }
        return packages;
    }

    /** What the JDK's jdeps reports the jar's classes refer to (types in signatures and annotations included). */
    private static Set<String> referredPackages(Path jar) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps (module jdk.jdeps) missing"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", jar.toString());
        assertThat(exit).as(out.toString()).isZero();
        Set<String> packages = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s+\\S+\\s+->\\s+(\\S+)", Pattern.MULTILINE).matcher(out.toString());
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    @Test
    void aMavenSnapshotVersionBecomesAnOsgiQualifier() {
        assertThat(ContainerHelpers.osgiVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(ContainerHelpers.osgiVersion("1.2.3")).isEqualTo("1.2.3");
    }
}
