/** Kernel services a connector uses: Intake, Journal, Idempotency, Router, Health, CredentialVault, Inventory. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.api.kernel;
