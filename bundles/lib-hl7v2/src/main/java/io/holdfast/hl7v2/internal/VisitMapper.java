package io.holdfast.hl7v2.internal;

import io.holdfast.api.event.Visit;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.PractitionerRef;
import java.util.Optional;

/**
 * PV1 to {@link Visit}: visit number PV1-19 (assigning authority CX-4, else the sending
 * facility); facility = MSH-4 sending facility, else PV1-3.4 (MSH-4 first because it is stable
 * over every message of a feed, so an A11 finds the A01 it cancels).
 */
final class VisitMapper {
    static final String GMC_SYSTEM = "https://fhir.hl7.org.uk/Id/gmc-number";

    private VisitMapper() {
    }

    static boolean hasVisit(ParsedMessage m) {
        return m.first("PV1").map(pv1 -> !pv1.get(19).isEmpty()).orElse(false);
    }

    static Visit map(ParsedMessage m, FieldTrail trail) {
        SegmentView pv1 = m.require("PV1");
        String number = pv1.get(19);
        if (number.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, "PV1-19 visit number is required for " + m.messageType());
        }
        String facility = m.msh().get(4, 1);
        String facilityPath = "MSH-4.1";
        if (facility.isEmpty()) {
            facility = pv1.get(3, 1, 4, 1);
            facilityPath = "PV1-3.4";
        }
        if (facility.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, "neither MSH-4 nor PV1-3.4 names the facility");
        }
        String authority = pv1.get(19, 1, 4, 1);
        Identifier visitNumber = Identifier.local(authority.isEmpty() ? facility : authority, number);
        trail.inbound(pv1.path(19, 1), "visit.visitNumber.value", number);
        trail.inbound(facilityPath, "visit.facility.odsCode", facility);
        String patientClass = pv1.get(2);
        trail.inbound(pv1.path(2, 0), "visit.patientClass", patientClass);
        String location = location(pv1, 3);
        trail.inbound(pv1.path(3, 1), "visit.location", location);
        Optional<PractitionerRef> attending = attending(pv1, trail);
        String specialty = pv1.get(10);
        trail.inbound(pv1.path(10, 0), "visit.specialty", specialty);
        return new Visit(visitNumber, new OrganisationRef(facility), PatientMapper.opt(patientClass), PatientMapper.opt(location),
                attending, PatientMapper.opt(specialty));
    }

    /** {@code ward^room^bed} of a PL field, trailing empty parts removed. */
    static String location(SegmentView pv1, int field) {
        String ward = pv1.get(field, 1, 1, 1);
        String room = pv1.get(field, 1, 2, 1);
        String bed = pv1.get(field, 1, 3, 1);
        String s = ward + "^" + room + "^" + bed;
        while (s.endsWith("^")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static Optional<PractitionerRef> attending(SegmentView pv1, FieldTrail trail) {
        return practitioner(pv1, 7, "visit.attending", trail);
    }

    /**
     * An XCN field (PV1-7 attending, ORC-12 ordering provider...) to a {@link PractitionerRef}:
     * GMC number system for {@code C}/{@code G} + 7 digits, else a local consultant code.
     */
    static Optional<PractitionerRef> practitioner(SegmentView seg, int field, String canonicalPath, FieldTrail trail) {
        String id = seg.get(field, 1, 1, 1);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        // GMC numbers in UK feeds: C or G followed by 7 digits (consultant / GP codes).
        String system = id.matches("[CG]\\d{7}") ? GMC_SYSTEM : Identifier.LOCAL_PREFIX + "consultant";
        String family = seg.get(field, 1, 2, 1);
        String given = seg.get(field, 1, 3, 1);
        String display = (given + " " + family).trim();
        trail.inbound(seg.path(field, 1), canonicalPath + ".identifier.value", id);
        return Optional.of(new PractitionerRef(new Identifier(system, id), PatientMapper.opt(display)));
    }
}
