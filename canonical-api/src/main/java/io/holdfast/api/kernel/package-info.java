/** Kernel services a connector uses: Intake, Journal, Idempotency, Router, Health, Alerts, Leases, WorkFiles, CredentialVault, Inventory; the runtime mode. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.holdfast.api.kernel;
