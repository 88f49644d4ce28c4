/**
 * A simulator of NHS England's e-Referral Service (e-RS) FHIR API, written from the published OpenAPI
 * specification (NHSDigital/e-referrals-service-api): the provider Trust's referral flows under
 * {@code /referrals/FHIR/STU3} (retrieve a ReferralRequest by UBRN, the referrals-for-review worklist,
 * attachments, accept / reject / record review outcome, create referral) and the R4 attachment download,
 * with role-header checks, bearer tokens, X-Request-ID de-duplication and fault injection (including a
 * 504 after the operation was applied). A plain Java library with a {@code main}, started by tests on a
 * loopback port and by the sandbox through a DS component. It speaks wire JSON only and shares no code
 * with any Holdfast connector.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.simulator.ers;
