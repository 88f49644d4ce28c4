package io.holdfast.api.kernel;

/** How urgent an alert is: WARNING needs attention this week, CRITICAL needs it now. */
@org.osgi.annotation.versioning.ProviderType
public enum AlertSeverity {
    INFO, WARNING, CRITICAL
}
