/**
 * Kernel services a connector uses: Intake, Journal, Idempotency, Router, Health, Alerts, Leases,
 * WorkFiles, CredentialVault, Inventory, TlsMaterialSource and OrgCredentialSource (credential
 * material by vault entry), UserTokenExchange (CIS2 user-restricted access tokens, since 1.4); the
 * runtime mode. The kernel implements every interface here ({@code @ProviderType}); connectors only
 * call them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package io.holdfast.api.kernel;
