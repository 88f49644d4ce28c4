package io.holdfast.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 10: a Holdfast factory configuration file named with '~' (which Karaf 4.4's file
 * installer does not read as a factory configuration) is reported loudly, for every factory PID, and
 * the report goes away once the file is renamed.
 */
class MisnamedConfigFileCheckTest {
    @TempDir
    Path etc;
    final HealthRegistry health = new HealthRegistry();

    MisnamedConfigFileCheck check() {
        return new MisnamedConfigFileCheck(health, etc);
    }

    void write(String name) throws Exception {
        Files.writeString(etc.resolve(name), "key=value\n");
    }

    @Test
    void tildeFilesOfMllpRouteAndMeshAreEachReportedWithTheNameKarafReads() throws Exception {
        write("io.holdfast.mllp.listener~adt.cfg");
        write("io.holdfast.route~adt-to-epr.cfg");
        write("io.holdfast.mesh.mailbox~x.cfg");
        MisnamedConfigFileCheck check = check();
        check.activate();
        try {
            assertThat(health.overall()).isEqualTo(HealthState.DEGRADED);
            assertThat(health.components()).extracting(ComponentHealth::component).containsExactly(
                    "config-file:io.holdfast.mesh.mailbox~x.cfg",
                    "config-file:io.holdfast.mllp.listener~adt.cfg",
                    "config-file:io.holdfast.route~adt-to-epr.cfg");
            assertThat(detail("io.holdfast.mllp.listener~adt.cfg"))
                    .contains("etc/io.holdfast.mllp.listener~adt.cfg is ignored")
                    .contains("rename it to etc/io.holdfast.mllp.listener-adt.cfg");
            assertThat(detail("io.holdfast.route~adt-to-epr.cfg"))
                    .contains("of io.holdfast.route only")
                    .endsWith("rename it to etc/io.holdfast.route-adt-to-epr.cfg");
            assertThat(detail("io.holdfast.mesh.mailbox~x.cfg")).endsWith("rename it to etc/io.holdfast.mesh.mailbox-x.cfg");
        } finally {
            check.deactivate();
        }
        assertThat(health.components()).as("deactivation withdraws its entries").isEmpty();
    }

    @Test
    void correctNamesAndNonHoldfastFilesAreIgnored() throws Exception {
        write("io.holdfast.mllp.listener-adt.cfg");
        write("io.holdfast.route-a~b.cfg.bak");
        write("org.ops4j.pax.web~x.cfg");
        write("io.holdfast.vault.cfg");
        Files.createDirectory(etc.resolve("io.holdfast.route~dir.cfg"));
        assertThat(check().scan()).isEmpty();
        assertThat(health.components()).isEmpty();
    }

    @Test
    void aMissingEtcFolderReportsNothing() {
        assertThat(new MisnamedConfigFileCheck(health, etc.resolve("absent")).scan()).isEmpty();
        assertThat(health.components()).isEmpty();
    }

    @Test
    void renamingTheFileClearsItsEntryAndOnlyThatOne() throws Exception {
        write("io.holdfast.route~adt.cfg");
        write("io.holdfast.mesh.mailbox~x.cfg");
        MisnamedConfigFileCheck check = check();
        assertThat(check.scan()).containsExactlyInAnyOrder("io.holdfast.route~adt.cfg", "io.holdfast.mesh.mailbox~x.cfg");
        Files.move(etc.resolve("io.holdfast.route~adt.cfg"), etc.resolve("io.holdfast.route-adt.cfg"));
        assertThat(check.scan()).containsExactly("io.holdfast.mesh.mailbox~x.cfg");
        assertThat(health.components()).extracting(ComponentHealth::component)
                .containsExactly("config-file:io.holdfast.mesh.mailbox~x.cfg");
        Files.delete(etc.resolve("io.holdfast.mesh.mailbox~x.cfg"));
        assertThat(check.scan()).isEmpty();
        assertThat(health.components()).isEmpty();
        assertThat(health.overall()).isEqualTo(HealthState.UP);
    }

    @Test
    void aFileStillPresentIsReportedOnceButOneAddedLaterIsReportedToo() throws Exception {
        List<String> reports = new ArrayList<>();
        Health counting = new Health() {
            public void report(String component, HealthState state, String detail) {
                reports.add(component);
                health.report(component, state, detail);
            }

            public void remove(String component) {
                health.remove(component);
            }

            public List<ComponentHealth> components() {
                return health.components();
            }

            public HealthState overall() {
                return health.overall();
            }
        };
        write("io.holdfast.route~adt.cfg");
        MisnamedConfigFileCheck check = new MisnamedConfigFileCheck(counting, etc);
        check.scan();
        assertThat(check.scan()).containsExactly("io.holdfast.route~adt.cfg");
        assertThat(reports).as("one report (and one WARN) while the file stays").containsExactly("config-file:io.holdfast.route~adt.cfg");
        write("io.holdfast.mllp.listener~lab.cfg");
        assertThat(check.scan()).containsExactlyInAnyOrder("io.holdfast.route~adt.cfg", "io.holdfast.mllp.listener~lab.cfg");
        assertThat(reports).containsExactly("config-file:io.holdfast.route~adt.cfg", "config-file:io.holdfast.mllp.listener~lab.cfg");
    }

    @Test
    void theFactoryPidIsThePartBeforeTheFirstTilde() {
        assertThat(MisnamedConfigFileCheck.correctName("io.holdfast.mllp.listener~adt~v2.cfg"))
                .isEqualTo("io.holdfast.mllp.listener-adt~v2.cfg");
        assertThat(MisnamedConfigFileCheck.describe("io.holdfast.x~a\nb.cfg")).doesNotContain("\n");
    }

    private String detail(String file) {
        return health.components().stream().filter(c -> c.component().equals("config-file:" + file))
                .findFirst().orElseThrow().detail();
    }
}
