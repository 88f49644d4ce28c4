/**
 * An NHS API platform (APIM) token endpoint simulator: signed-JWT client credentials and the CIS2
 * token exchange, with the platform's checks and OAuth 2.0 error bodies. A plain Java library with
 * a {@code main}, started by tests on a loopback port and by the sandbox through a DS component.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.simulator.apim;
