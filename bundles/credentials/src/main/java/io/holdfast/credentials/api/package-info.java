/**
 * Kernel-internal credentials API: vault administration (import, activation, listing) and the
 * certificate monitor. Nothing here ever returns a secret in a
 * {@code toString}. Connectors use none of it: the material they need by vault entry
 * ({@code TlsMaterialSource}, {@code OrgCredentialSource}) is in canonical-api's
 * {@code io.holdfast.api.kernel} since 2.0.0, and so is CIS2 token exchange
 * ({@code UserTokenExchange}, formerly this package's {@code TokenExchange}) since 3.0.0.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package io.holdfast.credentials.api;
