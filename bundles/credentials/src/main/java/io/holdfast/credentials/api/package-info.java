/**
 * Kernel-internal credentials API: vault administration (import, activation, listing), the
 * certificate monitor, CIS2 token exchange, and organisation credentials for protocols that build
 * their own auth header. Nothing here ever returns a secret in a {@code toString}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.credentials.api;
