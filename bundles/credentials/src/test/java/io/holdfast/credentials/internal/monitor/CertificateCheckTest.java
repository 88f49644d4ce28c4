package io.holdfast.credentials.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.health.internal.KernelAlerts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateCheckTest {
    private final TestKernel kernel = new TestKernel();
    private final TestPki pki = new TestPki(kernel.clock.instant());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final KernelAlerts alerts = new KernelAlerts(new SimpleMeterRegistry());
    private final List<String> alertEvents = new ArrayList<>();
    private CertificateCheck check;

    @BeforeEach
    void setUp() {
        alerts.setEventAdmin(new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                alertEvents.add(event.getTopic() + " " + event.getProperty("key") + " " + event.getProperty("severity"));
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                postEvent(event);
            }
        });
        check = new CertificateCheck(kernel.vault, new CertStatusRepository(kernel.store.dataSource(), kernel.store.dialect()),
                new ExpiryEvents((topic, props) -> {
                    assertThat(topic).isEqualTo(CertificateMonitor.EXPIRING_TOPIC);
                    events.add(props);
                }), new ExpiryAlerts(alerts), new ExpiryGauges(meters, kernel.clock), kernel.health, kernel.clock);
        for (int days : new int[] {5, 29, 89, 365}) {
            String id = "sys-" + days;
            kernel.addSystem(id, AuthPattern.TLS_MUTUAL, "https://" + id + ".example.nhs.uk");
            importCert(id, "cert-" + days, Duration.ofDays(days).plusHours(1));
        }
    }

    private void importCert(String system, String cn, Duration validFor) {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.client(cn, validFor)))));
    }

    private CertificateStatus leafOf(List<CertificateStatus> statuses, String system) {
        return statuses.stream().filter(s -> s.systems().contains(system) && s.certificate().subject().startsWith("CN=cert"))
                .max((a, b) -> Integer.compare(a.version(), b.version())).orElseThrow();
    }

    @Test
    void thresholdsAreAlertedOnceWithEventAndGauge() {
        List<CertificateStatus> statuses = check.run();
        assertThat(statuses).hasSize(4);
        assertThat(leafOf(statuses, "sys-5").state()).isEqualTo(State.EXPIRING_7);
        assertThat(leafOf(statuses, "sys-29").state()).isEqualTo(State.EXPIRING_30);
        assertThat(leafOf(statuses, "sys-89").state()).isEqualTo(State.EXPIRING_90);
        assertThat(leafOf(statuses, "sys-365").state()).isEqualTo(State.OK);
        assertThat(leafOf(statuses, "sys-29").daysLeft()).isEqualTo(29);

        assertThat(events).hasSize(3);
        Map<String, Object> e = events.stream().filter(x -> "EXPIRING_7".equals(x.get("state"))).findFirst().orElseThrow();
        assertThat(e).containsEntry("previousState", "OK").containsEntry("environment", "int").containsEntry("entry", "sys-5")
                .containsEntry("kind", "KEY_PAIR").containsEntry("version", 1).containsEntry("daysLeft", 5L)
                .containsEntry("subject", "CN=cert-5,O=Holdfast Test");
        assertThat((String[]) e.get("systems")).containsExactly("sys-5");

        Gauge gauge = meters.find(CertificateMonitor.DAYS_GAUGE).tag("entry", "sys-29").gauge();
        assertThat(gauge.value()).isCloseTo(29.04, within(0.01));
        assertThat(kernel.health.get("cert-monitor").state()).isEqualTo(HealthState.DEGRADED);
        assertThat(kernel.health.get("cert-monitor").detail()).contains("4 certificates: 1 OK, 3 expiring, 0 expired")
                .contains("soonest int/sys-5 KEY_PAIR v1 'CN=cert-5,O=Holdfast Test' EXPIRING_7 (5 days)");

        assertThat(alerts.active()).extracting(Alert::severity)
                .containsExactly(AlertSeverity.CRITICAL, AlertSeverity.WARNING, AlertSeverity.INFO);
        assertThat(alerts.active().get(0).key()).startsWith("cert:int/sys-5/KEY_PAIR/v1/");
        assertThat(alerts.active().get(0).source()).isEqualTo("credentials");
        assertThat(alerts.active().get(0).text()).contains("'CN=cert-5,O=Holdfast Test'").contains("used by sys-5")
                .contains("EXPIRING_7: 7 days or fewer left").doesNotContain("BEGIN");

        kernel.clock.advance(Duration.ofHours(2));
        check.run();
        assertThat(events).as("no repeated event without a new crossing").hasSize(3);
        assertThat(alertEvents).as("no repeated alert without a new crossing").hasSize(3);
    }

    @Test
    void aRenewedAndActivatedCertificateClearsItsAlert() {
        check.run();
        String oldKey = alerts.active().get(0).key();
        importCert("sys-5", "cert-5-renewed", Duration.ofDays(400));
        check.run();
        assertThat(alerts.active()).extracting(Alert::key).as("pending renewal: the active one still expires").contains(oldKey);
        kernel.vault.activate(CredentialTarget.system("sys-5"), Optional.empty(), 2, Optional.empty());
        check.run();
        assertThat(alerts.active()).extracting(Alert::key).doesNotContain(oldKey).hasSize(2);
        assertThat(alertEvents).contains("holdfast/alert/CLEARED " + oldKey + " CRITICAL");
    }

    @Test
    void aRestartRaisesCurrentConditionsAgain() {
        check.run();
        KernelAlerts afterRestart = new KernelAlerts(new SimpleMeterRegistry());
        new CertificateCheck(kernel.vault, new CertStatusRepository(kernel.store.dataSource(), kernel.store.dialect()),
                new ExpiryEvents((topic, props) -> events.add(props)), new ExpiryAlerts(afterRestart),
                new ExpiryGauges(new SimpleMeterRegistry(), kernel.clock), kernel.health, kernel.clock).run();
        assertThat(afterRestart.active()).hasSize(3);
        assertThat(events).as("the crossing event stays once across restarts").hasSize(3);
    }

    @Test
    void laterCrossingsAndExpiryAreAlertedAsTimePasses() {
        check.run();
        events.clear();
        kernel.clock.advance(Duration.ofDays(23));
        List<CertificateStatus> statuses = check.run();
        assertThat(leafOf(statuses, "sys-5").state()).isEqualTo(State.EXPIRED);
        assertThat(leafOf(statuses, "sys-5").daysLeft()).isEqualTo(-18);
        assertThat(leafOf(statuses, "sys-29").state()).isEqualTo(State.EXPIRING_7);
        assertThat(events).extracting(x -> x.get("entry") + ":" + x.get("previousState") + "->" + x.get("state"))
                .containsExactlyInAnyOrder("sys-5:EXPIRING_7->EXPIRED", "sys-29:EXPIRING_30->EXPIRING_7");
        assertThat(meters.find(CertificateMonitor.DAYS_GAUGE).tag("entry", "sys-5").gauge().value()).isLessThan(-17);
        assertThat(kernel.health.get("cert-monitor").detail()).contains("1 expired");
        assertThat(alerts.active()).filteredOn(a -> a.key().startsWith("cert:int/sys-5/")).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("EXPIRED at").contains("auth providers refuse it"));
        assertThat(alerts.active()).filteredOn(a -> a.key().startsWith("cert:int/sys-29/")).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL));
    }

    @Test
    void supersededVersionsAreNoLongerMonitored() {
        check.run();
        importCert("sys-5", "cert-5-renewed", Duration.ofDays(400));
        assertThat(check.run()).filteredOn(s -> s.systems().contains("sys-5")).hasSize(2);
        kernel.vault.activate(CredentialTarget.system("sys-5"), Optional.empty(), 2, Optional.empty());
        List<CertificateStatus> statuses = check.run();
        assertThat(statuses).filteredOn(s -> s.systems().contains("sys-5")).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(State.OK));
        assertThat(meters.find(CertificateMonitor.DAYS_GAUGE).tag("entry", "sys-5").gauges()).hasSize(1);
    }

    @Test
    void statesFollowTheThresholds() {
        var now = kernel.clock.instant();
        assertThat(ExpiryStates.state(now.plus(Duration.ofDays(91)), now)).isEqualTo(State.OK);
        assertThat(ExpiryStates.state(now.plus(Duration.ofDays(90)), now)).isEqualTo(State.EXPIRING_90);
        assertThat(ExpiryStates.state(now.plus(Duration.ofDays(30)), now)).isEqualTo(State.EXPIRING_30);
        assertThat(ExpiryStates.state(now.plus(Duration.ofDays(7)), now)).isEqualTo(State.EXPIRING_7);
        assertThat(ExpiryStates.state(now.plusSeconds(1), now)).isEqualTo(State.EXPIRING_7);
        assertThat(ExpiryStates.state(now, now)).isEqualTo(State.EXPIRED);
        assertThat(ExpiryStates.daysLeft(now.minusSeconds(1), now)).isEqualTo(-1);
    }
}
