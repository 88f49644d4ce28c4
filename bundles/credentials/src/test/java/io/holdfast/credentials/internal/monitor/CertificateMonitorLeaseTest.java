package io.holdfast.credentials.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Lease;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.health.internal.KernelAlerts;
import io.holdfast.store.internal.KernelLeases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two monitors over one database, as two cluster nodes: only the lease holder runs the scheduled check. */
class CertificateMonitorLeaseTest {
    private final TestKernel kernel = new TestKernel();
    private final KernelLeases leases = kernel.leases;
    private final KernelAlerts alertsOnA = new KernelAlerts(new SimpleMeterRegistry());
    private final KernelAlerts alertsOnB = new KernelAlerts(new SimpleMeterRegistry());

    private CertificateMonitorService node(String name, KernelAlerts alerts) {
        return new CertificateMonitorService(kernel.vault, kernel.store, kernel.health, new SimpleMeterRegistry(), alerts, leases,
                new CertMonitorConfig() {
                    @Override
                    public Class<? extends Annotation> annotationType() {
                        return CertMonitorConfig.class;
                    }

                    @Override
                    public int intervalHours() {
                        return 24;
                    }

                    @Override
                    public int startDelaySeconds() {
                        return 3600; // the test triggers the scheduled run itself
                    }
                }, name);
    }

    @Test
    void onlyTheLeaseHolderRunsTheScheduledCheckAndAnotherNodeTakesOverAfterRelease() {
        kernel.addSystem("spine-int", AuthPattern.TLS_MUTUAL, "https://spine-int.example.nhs.uk");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(),
                        new TestPki(kernel.clock.instant()).client("spine", Duration.ofDays(20))))));
        CertificateMonitorService a = node("node-a", alertsOnA);
        CertificateMonitorService b = node("node-b", alertsOnB);

        a.scheduledRun();
        Lease held = leases.current(CertificateMonitorService.LEASE).orElseThrow();
        assertThat(held.holder()).isEqualTo("node-a");
        assertThat(held.expiresAt()).isAfter(kernel.clock.instant().plus(Duration.ofHours(24)));
        assertThat(alertsOnA.active()).hasSize(1);

        b.scheduledRun();
        assertThat(alertsOnB.active()).as("node-b skipped its run").isEmpty();

        a.scheduledRun();
        assertThat(leases.current(CertificateMonitorService.LEASE).orElseThrow().token()).as("renewed, same tenure")
                .isEqualTo(held.token());

        a.deactivate();
        b.scheduledRun();
        Lease takenOver = leases.current(CertificateMonitorService.LEASE).orElseThrow();
        assertThat(takenOver.holder()).isEqualTo("node-b");
        assertThat(takenOver.token()).isGreaterThan(held.token());
        assertThat(alertsOnB.active()).hasSize(1);
        b.deactivate();
    }
}
