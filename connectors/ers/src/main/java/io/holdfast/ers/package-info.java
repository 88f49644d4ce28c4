/**
 * NHS England e-Referral Service for Holdfast: {@link io.holdfast.ers.ErsService} (retrieve a referral by UBRN, the
 * provider worklist, attachments, review outcomes, create a referral) with typed results. For this bundle's commands and
 * route target and for integrators' scripts; other Holdfast bundles never import it (build-rules).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.ers;
