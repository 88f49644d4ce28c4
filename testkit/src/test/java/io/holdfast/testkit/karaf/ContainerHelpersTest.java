package io.holdfast.testkit.karaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
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

    @Test
    void aMavenSnapshotVersionBecomesAnOsgiQualifier() {
        assertThat(ContainerHelpers.osgiVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0.SNAPSHOT");
        assertThat(ContainerHelpers.osgiVersion("1.2.3")).isEqualTo("1.2.3");
    }
}
