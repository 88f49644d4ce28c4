package io.holdfast.ers.internal.codec;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Referral;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.fhir.FhirException;
import io.holdfast.fhir.FhirJson;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * Format family {@value #FAMILY} ({@code ERS:STU3}): a canonical {@link Referral} as e-RS's STU3 ReferralRequest and
 * back. A route target of transport {@code ERS} has this format, so the dispatcher hands the ERS transport the referral
 * encoded here (the SENT stage journals exactly these bytes): id = UBRN, subject = NHS number, specialty, e-RS priority
 * extension, and the canonical status in Holdfast's own extension ({@value ErsCodes#EXT_HOLDFAST_STATUS}) — e-RS's
 * ReferralRequest has no element for "the provider accepted it". Deterministic: a retry encodes the same bytes.
 */
public final class ErsStu3Codec implements Codec<byte[]> {
    public static final String FAMILY = "ERS";
    public static final WireFormat FORMAT = new WireFormat(FAMILY, "STU3");
    private final int maxBytes;

    public ErsStu3Codec(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        try {
            ReferralRequest r = FhirJson.stu3(maxBytes).parse(wire, ReferralRequest.class);
            return DecodeResult.decoded(ReferralMapping.toCanonical(r, trail));
        } catch (FhirException e) {
            return new DecodeResult.Rejected(e.problem().name(), e.getMessage());
        } catch (HoldfastException e) {
            return new DecodeResult.Rejected(e.errorCode().name(), e.getMessage());
        }
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        if (!(event instanceof Referral referral)) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "an ERS target takes Referral events only, not " + event.type());
        }
        ReferralRequest r = new ReferralRequest();
        r.setId(referral.ubrn());
        trail.outbound("ubrn", "ReferralRequest.id", referral.ubrn());
        r.setIntent(ReferralRequest.ReferralCategory.PLAN);
        r.setStatus("cancelled".equalsIgnoreCase(referral.status()) ? ReferralRequest.ReferralRequestStatus.CANCELLED
                : ReferralRequest.ReferralRequestStatus.ACTIVE);
        referral.patient().nhsNumber().ifPresent(nhs -> {
            r.setSubject(new Reference().setIdentifier(new Identifier().setSystem(ErsCodes.NHS_NUMBER_STU3).setValue(nhs.value())));
            trail.outbound("patient.nhsNumber", "ReferralRequest.subject.identifier.value", nhs.value());
        });
        referral.specialty().ifPresent(s -> {
            r.setSpecialty(new CodeableConcept().addCoding(new Coding().setCode(s)));
            trail.outbound("specialty", "ReferralRequest.specialty.coding[0].code", s);
        });
        referral.priority().ifPresent(p -> {
            r.addExtension(ErsCodes.EXT_PRIORITY, new CodeableConcept().addCoding(new Coding(ErsCodes.CS_PRIORITY, p, null)));
            trail.outbound("priority", "ReferralRequest.extension('" + ErsCodes.EXT_PRIORITY + "').value.coding[0].code", p);
        });
        r.addExtension(ErsCodes.EXT_HOLDFAST_STATUS, new StringType(referral.status()));
        trail.outbound("status", "ReferralRequest.extension('" + ErsCodes.EXT_HOLDFAST_STATUS + "').value", referral.status());
        return FhirJson.stu3(maxBytes).serializeBytes(r);
    }
}
