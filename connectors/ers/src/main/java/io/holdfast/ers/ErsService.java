package io.holdfast.ers;

import java.util.List;
import java.util.Optional;

/**
 * NHS England's e-Referral Service as a provider Trust uses it. Every call is journaled (one durable commit, credential
 * identity, no PHI in logs) before its result is returned; {@code X-Request-ID} is chosen once per call and sent again
 * on every retry.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ErsService {

    /** A005 {@code GET /STU3/ReferralRequest/{ubrn}} (application- or user-restricted). */
    ErsResult<ErsReferral> retrieve(Ubrn ubrn, CallContext context);

    /**
     * A008 {@code POST /STU3/ReferralRequest/$ers.fetchworklist}, list REFERRALS_FOR_REVIEW. Application-restricted
     * access needs the e-RS service id ({@code service} filter, mandatory for that pattern; default: the system's
     * configured {@code serviceId}).
     */
    ErsResult<List<WorklistItem>> worklist(Optional<String> serviceId, CallContext context);

    /** A042 {@code GET /R4/Binary/{id}}: an attachment whose availability is AVAILABLE. */
    ErsResult<AttachmentContent> attachment(String binaryId, CallContext context);

    /** A013 / A014 / A028 (user-restricted: {@code context.userIdToken()} required). */
    ErsResult<ErsReferral> review(Ubrn ubrn, ReviewOutcome outcome, CallContext context);

    /** A011 (user-restricted, referring roles). */
    ErsResult<ErsReferral> create(NewReferral referral, CallContext context);
}
