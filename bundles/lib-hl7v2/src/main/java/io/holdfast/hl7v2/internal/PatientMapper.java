package io.holdfast.hl7v2.internal;

import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PID (+ PD1) to {@link Patient}, HL7 UK ITK conventions: the NHS number is the PID-3 repetition
 * with identifier type {@code NH} or assigning authority {@code NHS} (older feeds: PID-2), checked
 * with Modulus 11; other PID-3 repetitions are local identifiers (MRNs) with their assigning
 * authority (CX-4), or the sending facility when CX-4 is empty.
 */
final class PatientMapper {
    private PatientMapper() {
    }

    static Patient map(SegmentView pid, Optional<SegmentView> pd1, Optional<SegmentView> pv1, String defaultAuthority,
                       FieldTrail trail) {
        List<Identifier> ids = identifiers(pid, defaultAuthority, trail);
        List<HumanName> names = new ArrayList<>();
        for (int r = 1; r <= pid.reps(5); r++) {
            String family = pid.get(5, r, 1, 1);
            String given = pid.get(5, r, 2, 1);
            if (family.isEmpty() && given.isEmpty()) {
                continue;
            }
            List<String> givens = new ArrayList<>();
            if (!given.isEmpty()) {
                givens.add(given);
            }
            String middle = pid.get(5, r, 3, 1);
            if (!middle.isEmpty()) {
                givens.add(middle);
            }
            String prefix = pid.get(5, r, 5, 1);
            String type = pid.get(5, r, 7, 1);
            names.add(new HumanName(family, givens, opt(prefix), "L".equals(type) ? Optional.of("official") : opt(type)));
            trail.inbound(pid.path(5, r, 1), "patient.names[" + (names.size() - 1) + "].family", family);
            trail.inbound(pid.path(5, r, 2), "patient.names[" + (names.size() - 1) + "].given[0]", given);
        }
        Optional<java.time.LocalDate> birth = Hl7Timestamps.date(pid.get(7), pid.path(7, 1));
        trail.inbound(pid.path(7, 1), "patient.birthDate", birth.map(Object::toString).orElse(""));
        String sex = pid.get(8);
        trail.inbound(pid.path(8, 0), "patient.gender", sex);
        List<Address> addresses = addresses(pid, trail);
        List<ContactPoint> telecom = new ArrayList<>();
        telecom(pid, 13, "home", telecom, trail);
        telecom(pid, 14, "work", telecom, trail);
        Optional<OrganisationRef> gp = pd1.flatMap(p -> gpPractice(p, trail));
        return new Patient(ids, names, birth, gender(sex), addresses, telecom, gp, sensitivity(pd1, pv1, trail));
    }

    /**
     * The sender's confidentiality statement, fail-safe: PD1-12 protection indicator {@code Y}, or
     * any PV1-16 VIP indicator other than {@code N}, restricts; PD1-12 {@code N} (and no VIP flag)
     * is the only way to {@link SensitivityFlag#U}; silence is {@link SensitivityFlag#NOT_STATED},
     * which consumers treat as restricted until PDS or the sender says otherwise.
     */
    static SensitivityFlag sensitivity(Optional<SegmentView> pd1, Optional<SegmentView> pv1, FieldTrail trail) {
        String protection = pd1.map(p -> p.get(12).toUpperCase(java.util.Locale.ROOT)).orElse("");
        String vip = pv1.map(p -> p.get(16).toUpperCase(java.util.Locale.ROOT)).orElse("");
        SensitivityFlag flag;
        if ("Y".equals(protection) || !vip.isEmpty() && !"N".equals(vip)) {
            flag = SensitivityFlag.R;
        } else if ("N".equals(protection)) {
            flag = SensitivityFlag.U;
        } else {
            flag = SensitivityFlag.NOT_STATED;
        }
        pd1.ifPresent(p -> trail.inbound(p.path(12, 0), "patient.sensitivity", protection));
        pv1.filter(p -> !vip.isEmpty()).ifPresent(p -> trail.inbound(p.path(16, 0), "patient.sensitivity", vip));
        return flag;
    }

    /** The patient's identifiers; an NHS number that fails Mod 11 rejects the message. */
    static List<Identifier> identifiers(SegmentView pid, String defaultAuthority, FieldTrail trail) {
        List<Identifier> ids = new ArrayList<>();
        collect(pid, 3, defaultAuthority, ids, trail);
        if (ids.stream().noneMatch(Identifier::isNhsNumber)) {
            List<Identifier> legacy = new ArrayList<>();
            collect(pid, 2, defaultAuthority, legacy, trail);
            legacy.stream().filter(Identifier::isNhsNumber).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw new MappingException(MappingException.MISSING_FIELD, pid.name() + "-3 holds no patient identifier");
        }
        return ids;
    }

    /** Identifiers of a CX list field (PID-3, PID-2, MRG-1). */
    static void collect(SegmentView seg, int field, String defaultAuthority, List<Identifier> ids, FieldTrail trail) {
        for (int r = 1; r <= seg.reps(field); r++) {
            String value = seg.get(field, r, 1, 1);
            if (value.isEmpty()) {
                continue;
            }
            String authority = seg.get(field, r, 4, 1);
            String type = seg.get(field, r, 5, 1);
            if ("NH".equalsIgnoreCase(type) || "NHS".equalsIgnoreCase(authority)) {
                NhsNumber nhs;
                try {
                    nhs = NhsNumber.parse(value);
                } catch (InvalidNhsNumberException e) {
                    throw new MappingException(MappingException.INVALID_NHS_NUMBER,
                            seg.path(field, r, 1) + " " + e.getMessage());
                }
                ids.add(Identifier.of(nhs));
                trail.inbound(seg.path(field, r, 1), canonicalPrefix(seg) + ".nhsNumber", nhs.value());
            } else {
                String auth = authority.isEmpty() ? defaultAuthority : authority;
                ids.add(Identifier.local(auth, value));
                trail.inbound(seg.path(field, r, 1), canonicalPrefix(seg) + ".identifiers[" + (ids.size() - 1) + "].value", value);
                trail.inbound(seg.path(field, r, 4), canonicalPrefix(seg) + ".identifiers[" + (ids.size() - 1) + "].system", auth);
            }
        }
    }

    private static String canonicalPrefix(SegmentView seg) {
        return "MRG".equals(seg.name()) ? "retired" : "patient";
    }

    private static List<Address> addresses(SegmentView pid, FieldTrail trail) {
        List<Address> out = new ArrayList<>();
        for (int r = 1; r <= pid.reps(11); r++) {
            List<String> lines = new ArrayList<>();
            for (int c : new int[] {1, 2}) {
                String line = pid.get(11, r, c, 1);
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            String county = pid.get(11, r, 4, 1);
            if (!county.isEmpty()) {
                lines.add(county);
            }
            String city = pid.get(11, r, 3, 1);
            String postcode = pid.get(11, r, 5, 1);
            if (lines.isEmpty() && city.isEmpty() && postcode.isEmpty()) {
                continue;
            }
            String type = pid.get(11, r, 7, 1);
            out.add(new Address(lines, opt(city), opt(postcode), "H".equals(type) ? Optional.of("home") : opt(type)));
            int i = out.size() - 1;
            trail.inbound(pid.path(11, r, 1), "patient.addresses[" + i + "].lines[0]", lines.isEmpty() ? "" : lines.get(0));
            trail.inbound(pid.path(11, r, 3), "patient.addresses[" + i + "].city", city);
            trail.inbound(pid.path(11, r, 5), "patient.addresses[" + i + "].postcode", postcode);
        }
        return out;
    }

    private static void telecom(SegmentView pid, int field, String defaultUse, List<ContactPoint> out, FieldTrail trail) {
        for (int r = 1; r <= pid.reps(field); r++) {
            String equipment = pid.get(field, r, 3, 1);
            String email = pid.get(field, r, 4, 1);
            String number = pid.get(field, r, 1, 1);
            if (number.isEmpty()) {
                number = pid.get(field, r, 12, 1);
            }
            boolean isEmail = "Internet".equalsIgnoreCase(equipment) || "NET".equalsIgnoreCase(pid.get(field, r, 2, 1));
            String value = isEmail && !email.isEmpty() ? email : number;
            if (value.isEmpty()) {
                continue;
            }
            String system = isEmail ? "email" : "FX".equalsIgnoreCase(equipment) ? "fax" : "phone";
            String use = "CP".equalsIgnoreCase(equipment) ? "mobile" : defaultUse;
            out.add(new ContactPoint(system, value, use));
            trail.inbound(pid.path(field, r, isEmail && !email.isEmpty() ? 4 : 1), "patient.telecom[" + (out.size() - 1) + "].value", value);
        }
    }

    /** Registered GP practice ODS code: PD1-3 XON-10 (v2.5) or XON-3 (v2.3/v2.4, HL7 UK ITK). */
    private static Optional<OrganisationRef> gpPractice(SegmentView pd1, FieldTrail trail) {
        String code = pd1.get(3, 1, 10, 1);
        int comp = 10;
        if (code.isEmpty()) {
            code = pd1.get(3, 1, 3, 1);
            comp = 3;
        }
        if (code.isEmpty()) {
            return Optional.empty();
        }
        trail.inbound(pd1.path(3, comp), "patient.gpPractice.odsCode", code);
        return Optional.of(new OrganisationRef(code));
    }

    static Gender gender(String hl7) {
        return switch (hl7.toUpperCase(java.util.Locale.ROOT)) {
            case "M" -> Gender.MALE;
            case "F" -> Gender.FEMALE;
            case "O", "I" -> Gender.OTHER;
            default -> Gender.UNKNOWN;
        };
    }

    static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
