package io.holdfast.credentials.internal.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the certificate monitor (PID {@value #PID}). Thresholds are fixed at 90, 30 and 7 days. */
@ObjectClassDefinition(name = "Holdfast certificate monitor",
        description = "When the vault's certificates are checked for expiry")
public @interface CertMonitorConfig {
    String PID = "io.holdfast.credentials.certmonitor";

    @AttributeDefinition(description = "Hours between checks (1-168); 24 = daily")
    int intervalHours() default 24;

    @AttributeDefinition(description = "Seconds after start before the first check (0-3600)")
    int startDelaySeconds() default 10;
}
