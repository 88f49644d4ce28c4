package io.holdfast.ers.internal.codec;

import io.holdfast.ers.NewReferral;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.fhir.FhirJson;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.UnsignedIntType;

/**
 * The STU3 {@code Parameters} bodies of e-RS operations, shaped as the spec's examples
 * (sandbox/src/mocks/{rejectReferral,recordTriageOutcome,retrieveWorklist,createReferral}/requests).
 */
public final class ErsParameters {
    private static final String PROFILE = ErsCodes.STRUCTURE;
    /** e-RS reference data systems are served under the API's own base; the spec's examples write it as {@code _baseUrl_}. */
    static final String REFERENCE_DATA = "_baseUrl_/STU3/CodeSystem/";

    private ErsParameters() {
    }

    /** A014 eRS-RejectReferral-Parameters-1. */
    public static byte[] reject(ReviewOutcome outcome) {
        Parameters p = profiled("eRS-RejectReferral-Parameters-1");
        p.addParameter().setName("rejectionReason").setValue(new Coding(REFERENCE_DATA + "APPOINTMENT-CANCELLATION-REASON",
                outcome.reasonCode().orElseThrow(), null));
        outcome.comments().ifPresent(c -> p.addParameter().setName("rejectionComments").setValue(new StringType(c)));
        return json(p);
    }

    /** A028 eRS-RecordReviewOutcome-Parameters-1. */
    public static byte[] reviewOutcome(ReviewOutcome outcome) {
        Parameters p = profiled("eRS-RecordReviewOutcome-Parameters-1");
        p.addParameter().setName("reviewOutcome").setValue(new Coding(ErsCodes.CS_REVIEW_OUTCOME, outcome.kind().name(), null));
        outcome.comments().ifPresent(c -> p.addParameter().setName("reviewComments").setValue(new StringType(c)));
        return json(p);
    }

    /** A008 eRS-FetchWorklist-Parameters-1, list REFERRALS_FOR_REVIEW, optional service filter. */
    public static byte[] fetchWorklist(Optional<String> serviceId) {
        Parameters p = profiled("eRS-FetchWorklist-Parameters-1");
        p.addParameter().setName("listType").setValue(new CodeableConcept().addCoding(new Coding(ErsCodes.CS_LIST_SELECTOR,
                "REFERRALS_FOR_REVIEW", null)));
        serviceId.ifPresent(s -> p.addParameter().setName("service").setValue(new Identifier().setSystem(ErsCodes.ERS_SERVICE).setValue(s)));
        return json(p);
    }

    /** A011 eRS-CreateReferral-Parameters-1 (MinimalRequest shape: one shortlisted service with its search criteria). */
    public static byte[] createReferral(NewReferral r) {
        Parameters p = profiled("eRS-CreateReferral-Parameters-1");
        p.addParameter().setName("patient").setValue(new Identifier().setSystem(ErsCodes.NHS_NUMBER_STU3).setValue(r.patient().value()));
        p.addParameter().setName("intentionToAddReferralLetter").setValue(new Coding(ErsCodes.CODE_SYSTEM + "eRS-ReferralLetterIntention-1",
                "NEED_TO_ADD_LATER", null));
        p.addParameter().setName("firstReminderLetterFollowUpDays").setValue(new UnsignedIntType(0));
        Parameters criteria = profiled("eRS-ServiceSearchCriteria-Parameters-1");
        criteria.setId("ServiceSearchCriteria-1");
        criteria.addParameter().setName("priority").setValue(new Coding(ErsCodes.CS_PRIORITY, r.priority(), null));
        criteria.addParameter().setName("specialty").setValue(new Coding(REFERENCE_DATA + "SPECIALTY", r.specialty(), null));
        criteria.addParameter().setName("ageAndGenderAppropriate").setValue(new BooleanType(false));
        ListResource shortlist = new ListResource();
        shortlist.getMeta().addProfile(PROFILE + "eRS-Shortlist-List-1");
        shortlist.setStatus(ListResource.ListStatus.CURRENT).setMode(ListResource.ListMode.SNAPSHOT);
        shortlist.addContained(criteria);
        shortlist.addExtension(PROFILE + "Extension-eRS-Shortlist-SearchCriteria-1", new Reference("#ServiceSearchCriteria-1"));
        shortlist.addEntry().setItem(new Reference().setIdentifier(new Identifier().setSystem(ErsCodes.ERS_SERVICE).setValue(r.serviceId())));
        p.addParameter().setName("shortlist").setResource(shortlist);
        return json(p);
    }

    private static Parameters profiled(String profile) {
        Parameters p = new Parameters();
        p.getMeta().addProfile(PROFILE + profile);
        return p;
    }

    private static byte[] json(Parameters p) {
        return FhirJson.stu3(FhirJson.DEFAULT_MAX_BYTES).serializeBytes(p);
    }
}
