package io.holdfast.ers.internal.codec;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.Referral;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.Ubrn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Attachment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * e-RS's STU3 {@code ReferralRequest} (eRS-ReferralRequest-1) to the canonical {@link Referral}, every mapped element
 * recorded in the {@link FieldTrail} with its FHIRPath. The UBRN is the resource id (e-RS: {@code id} = UBRN); the
 * patient is {@code subject.identifier} (NHS number, Modulus 11 checked); status is e-RS's at-a-glance state
 * (Extension-eRS-ReferralState-1) where present, else a Holdfast-routed status, else {@code ReferralRequest.status}.
 * Not mapped: referrer and recipient (e-RS's STU3 ReferralRequest names neither organisation by ODS code), shortlist,
 * appointment, search criteria.
 */
public final class ReferralMapping {
    private ReferralMapping() {
    }

    public static ErsReferral toErsReferral(ReferralRequest r, FieldTrail trail) {
        Referral referral = toCanonical(r, trail);
        String version = r.getMeta().getVersionId();
        if (version == null || version.isBlank()) {
            throw bad("the ReferralRequest has no meta.versionId");
        }
        trail.inbound("ReferralRequest.meta.versionId", "versionId", version);
        return new ErsReferral(referral, version, state(r), attachments(r));
    }

    public static Referral toCanonical(ReferralRequest r, FieldTrail trail) {
        String id = r.getIdElement().getIdPart();
        if (!Ubrn.isValid(id)) {
            throw bad("the ReferralRequest id is not a UBRN (12 digits)");
        }
        trail.inbound("ReferralRequest.id", "ubrn", id);
        String nhs = r.getSubject().getIdentifier().getValue();
        if (nhs == null || !NhsNumber.isValid(nhs)) {
            throw bad("ReferralRequest.subject.identifier is not a valid NHS number");
        }
        trail.inbound("ReferralRequest.subject.identifier.value", "patient.nhsNumber", nhs);
        Optional<String> specialty = code(r.getSpecialty());
        specialty.ifPresent(s -> trail.inbound("ReferralRequest.specialty.coding[0].code", "specialty", s));
        Optional<String> priority = extensionCode(r.getExtensionByUrl(ErsCodes.EXT_PRIORITY));
        priority.ifPresent(p -> trail.inbound("ReferralRequest.extension('" + ErsCodes.EXT_PRIORITY + "').value.coding[0].code", "priority", p));
        String status = status(r, trail);
        Optional<java.time.Instant> at = Optional.ofNullable(r.getMeta().getLastUpdated()).map(java.util.Date::toInstant);
        at.ifPresent(t -> trail.inbound("ReferralRequest.meta.lastUpdated", "occurredAt", t.toString()));
        Patient patient = Patient.identifiedBy(Identifier.of(NhsNumber.parse(nhs)));
        return new Referral(id, patient, Optional.empty(), Optional.empty(), specialty, priority, status, at);
    }

    private static String status(ReferralRequest r, FieldTrail trail) {
        Optional<String> state = state(r);
        if (state.isPresent()) {
            trail.inbound("ReferralRequest.extension('" + ErsCodes.EXT_STATE + "').extension('state').value.code", "status", state.get());
            return state.get();
        }
        Extension routed = r.getExtensionByUrl(ErsCodes.EXT_HOLDFAST_STATUS);
        if (routed != null && routed.getValue() != null && !routed.getValue().primitiveValue().isBlank()) {
            trail.inbound("ReferralRequest.extension('" + ErsCodes.EXT_HOLDFAST_STATUS + "').value", "status", routed.getValue().primitiveValue());
            return routed.getValue().primitiveValue();
        }
        if (r.getStatus() == null) {
            throw bad("the ReferralRequest has neither an e-RS state nor a status");
        }
        trail.inbound("ReferralRequest.status", "status", r.getStatus().toCode());
        return r.getStatus().toCode();
    }

    public static Optional<String> state(ReferralRequest r) {
        Extension ext = r.getExtensionByUrl(ErsCodes.EXT_STATE);
        if (ext == null) {
            return Optional.empty();
        }
        Extension state = ext.getExtensionByUrl("state");
        return state != null && state.getValue() instanceof Coding c && c.hasCode() ? Optional.of(c.getCode()) : Optional.empty();
    }

    private static List<ErsReferral.Attachment> attachments(ReferralRequest r) {
        List<ErsReferral.Attachment> out = new ArrayList<>();
        for (Resource contained : r.getContained()) {
            if (contained instanceof DocumentReference doc) {
                for (DocumentReference.DocumentReferenceContentComponent content : doc.getContent()) {
                    Attachment a = content.getAttachment();
                    String url = a.getUrl();
                    if (url != null && url.contains("Binary/")) {
                        out.add(new ErsReferral.Attachment(url.substring(url.lastIndexOf("Binary/") + 7), a.getTitle(), a.getContentType(),
                                a.hasSize() ? Optional.of((long) a.getSize()) : Optional.empty(), availability(a)));
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> availability(Attachment a) {
        return a.getExtension().stream().filter(e -> e.getUrl() != null && e.getUrl().contains("AvailabilityStatus")).findFirst()
                .flatMap(ReferralMapping::extensionCode);
    }

    static Optional<String> extensionCode(Extension e) {
        if (e == null) {
            return Optional.empty();
        }
        if (e.getValue() instanceof CodeableConcept cc) {
            return code(cc);
        }
        return e.getValue() instanceof Coding c && c.hasCode() ? Optional.of(c.getCode()) : Optional.empty();
    }

    private static Optional<String> code(CodeableConcept cc) {
        return cc == null || cc.getCoding().isEmpty() || !cc.getCodingFirstRep().hasCode() ? Optional.empty()
                : Optional.of(cc.getCodingFirstRep().getCode());
    }

    private static HoldfastException bad(String what) {
        return new HoldfastException(ErrorCode.INVALID_EVENT, what);
    }
}
