package io.holdfast.credentials.internal.auth;

import io.holdfast.credentials.internal.monitor.CertMonitorConfig;
import io.holdfast.credentials.internal.monitor.CertificateMonitorService;
import io.holdfast.credentials.testing.TestKernel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Annotation;

/** The real monitor component over a test kernel, its schedule pushed out of the way. */
final class CertificateMonitorForTests {
    private final CertificateMonitorService monitor;

    CertificateMonitorForTests(TestKernel kernel) {
        monitor = new CertificateMonitorService(kernel.vault, kernel.store, kernel.health, new SimpleMeterRegistry(),
                kernel.alerts, kernel.leases, new CertMonitorConfig() {
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
                        return 3600;
                    }
                });
    }

    void check() {
        monitor.check();
    }
}
