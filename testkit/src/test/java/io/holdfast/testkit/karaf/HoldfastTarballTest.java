package io.holdfast.testkit.karaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the distribution under test is taken from: an explicit tarball, else the local Maven repository. */
class HoldfastTarballTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("holdfast.distribution");
        System.clearProperty("maven.repo.local");
    }

    @Test
    void anExplicitTarballIsUsed() throws Exception {
        Path tarball = Files.writeString(dir.resolve("holdfast-9.9.9.tar.gz"), "x");
        System.setProperty("holdfast.distribution", tarball.toString());

        assertThat(HoldfastTarball.path()).isEqualTo(tarball.toAbsolutePath());
    }

    @Test
    void withoutOneTheAssemblyArtifactInTheLocalRepositoryIsUsed() throws Exception {
        String v = HoldfastTarball.holdfastVersion();
        Path inRepo = dir.resolve("io/holdfast/holdfast-assembly/" + v + "/holdfast-assembly-" + v + ".tar.gz");
        Files.createDirectories(inRepo.getParent());
        Files.writeString(inRepo, "x");
        System.setProperty("maven.repo.local", dir.toString());

        assertThat(HoldfastTarball.path()).isEqualTo(inRepo.toAbsolutePath());
    }

    @Test
    void aMissingTarballIsNamedWithWhatToDo() {
        System.setProperty("holdfast.distribution", dir.resolve("missing.tar.gz").toString());

        assertThatThrownBy(HoldfastTarball::path).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.tar.gz").hasMessageContaining("holdfast-assembly");
    }

    @Test
    void theVersionsAreThoseTheTestkitWasBuiltWith() {
        assertThat(HoldfastTarball.holdfastVersion()).doesNotContain("${").isNotBlank();
        assertThat(HoldfastTarball.karafVersion()).startsWith("4.4.");
    }
}
