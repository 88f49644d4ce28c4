package io.holdfast.mllp.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.health.internal.HealthRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 point 10: a listener file named with {@code ~} (which Karaf 4.4 never reads as a factory configuration) is reported, not ignored. */
class MisnamedListenerFileCheckTest {
    @TempDir
    Path etc;

    @Test
    void aTildeFileIsReportedWithTheNameItShouldHave() throws Exception {
        Files.writeString(etc.resolve("io.holdfast.mllp.listener~adt-feed.cfg"), "port=2575\n");
        Files.writeString(etc.resolve("io.holdfast.mllp.listener-lab.cfg"), "port=2577\n");
        Files.writeString(etc.resolve("io.holdfast.route-adt~x.cfg"), "name=x\n");
        HealthRegistry health = new HealthRegistry();
        MisnamedListenerFileCheck check = new MisnamedListenerFileCheck();
        check.health = health;

        assertThat(check.check(etc)).containsExactly("io.holdfast.mllp.listener~adt-feed.cfg");

        assertThat(health.components()).singleElement().satisfies((ComponentHealth h) -> {
            assertThat(h.component()).isEqualTo("mllp-config:io.holdfast.mllp.listener~adt-feed.cfg");
            assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(h.detail()).contains("is ignored").contains("rename it to etc/io.holdfast.mllp.listener-adt-feed.cfg");
        });
        check.deactivate();
        assertThat(health.components()).isEmpty();
    }

    @Test
    void correctlyNamedFilesAndAMissingFolderReportNothing() throws Exception {
        Files.writeString(etc.resolve("io.holdfast.mllp.listener-adt-feed.cfg"), "port=2575\n");
        HealthRegistry health = new HealthRegistry();
        MisnamedListenerFileCheck check = new MisnamedListenerFileCheck();
        check.health = health;
        assertThat(check.check(etc)).isEmpty();
        assertThat(check.check(etc.resolve("absent"))).isEmpty();
        assertThat(health.components()).isEmpty();
    }
}
