package io.holdfast.benchmarks.kernel;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.Visit;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Address;
import io.holdfast.api.model.ContactPoint;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import io.holdfast.api.model.SensitivityFlag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Realistic UK ADT^A01 admissions as a PAS sends them over MLLP: valid test-range NHS numbers
 * (999 xxx xxxx, Modulus 11), a distinct visit per event, a ~1 KB HL7 v2.4 message and the
 * ~25 field mappings a codec records for it. Everything is derived from (thread, seq), so the
 * baseline and Holdfast see exactly the same events.
 */
public final class AdtA01Workload {
    /** One inbound message as a connector hands it to Intake. */
    public record AdtA01(Envelope envelope, byte[] payload, Admission event, FieldTrail trail) {
    }

    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final String[] FAMILY = {"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES",
        "PATEL", "WRIGHT", "EVANS", "THOMAS", "ROBERTS", "KHAN", "WALKER", "HUGHES"};
    private static final String[] GIVEN = {"OLIVIA", "AMELIA", "ISLA", "NOAH", "OLIVER", "GEORGE", "ARTHUR", "MUHAMMAD",
        "AVA", "LEO", "FREYA", "HARRY"};
    private static final String[] WARD = {"WARD 7", "AMU", "WARD 12", "CCU", "WARD 3B", "SAU"};
    private static final String[] SPECIALTY = {"300", "100", "320", "340", "430", "110"};

    private final String runTag;

    public AdtA01Workload(String runTag) {
        this.runTag = runTag;
    }

    /** A valid NHS number in the 999 test range, different for most (thread, seq). */
    static NhsNumber nhsNumber(int thread, long seq) {
        long n = (thread * 1_000_003L + seq * 7919L) % 1_000_000L;
        while (true) {
            String nine = String.format("999%06d", n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return NhsNumber.parse(nine + check);
            }
            n = (n + 1) % 1_000_000L;
        }
    }

    public AdtA01 message(int thread, long seq) {
        NhsNumber nhs = nhsNumber(thread, seq);
        int h = (int) ((seq * 31 + thread * 17) & 0x7fffffff);
        String family = FAMILY[h % FAMILY.length];
        String given = GIVEN[(h / 7) % GIVEN.length];
        String ward = WARD[(h / 3) % WARD.length];
        String specialty = SPECIALTY[(h / 5) % SPECIALTY.length];
        String mrn = "RXX" + (1_000_000 + h % 9_000_000);
        String visitNo = "V" + runTag + "-" + thread + "-" + seq;
        String controlId = "MSG" + runTag + "-" + thread + "-" + seq;
        LocalDate born = LocalDate.of(1930 + h % 90, 1 + h % 12, 1 + h % 28);
        Instant now = Instant.now();
        Instant admitted = now.minusSeconds(300);
        String ts = HL7_TS.format(now);
        String adm = HL7_TS.format(admitted);
        String dob = born.toString().replace("-", "");
        String sex = h % 2 == 0 ? "F" : "M";
        String postcode = "LS" + (1 + h % 28) + " " + (1 + h % 9) + "AB";
        String consultant = "C" + (4_000_000 + h % 999_999);

        String hl7 = "MSH|^~\\&|PAS|RXX01|EPR|RXX01|" + ts + "||ADT^A01^ADT_A01|" + controlId + "|P|2.4|||AL|NE|GBR|UNICODE UTF-8\r"
                + "EVN|A01|" + ts + "|||" + "USR" + (h % 500) + "^ADMIN^CLERK|" + adm + "\r"
                + "PID|1||" + nhs.value() + "^^^NHS^NH~" + mrn + "^^^RXX^MR||" + family + "^" + given + "^^^" + (sex.equals("F") ? "MS" : "MR")
                + "||" + dob + "|" + sex + "|||" + (h % 200 + 1) + " PARK ROAD^FLAT " + (h % 40 + 1) + "^LEEDS^WEST YORKSHIRE^" + postcode
                + "^GBR^H||0113" + (4_960_000 + h % 9999) + "^PRN^PH|0113" + (3_430_000 + h % 9999) + "^WPN^PH|EN|M|C|||||A|||||||||\r"
                + "PD1|||LEEDS GP SURGERY^^B" + (82_000 + h % 999) + "|G" + (8_000_000 + h % 99_999) + "^GP^DOCTOR\r"
                + "NK1|1|" + family + "^PARTNER|SPO|" + (h % 200 + 1) + " PARK ROAD^^LEEDS^^" + postcode + "|0113" + (4_960_000 + h % 9999) + "\r"
                + "PV1|1|I|" + ward + "^BAY " + (h % 6 + 1) + "^BED " + (h % 8 + 1) + "^RXX01^^^^^|21|||" + consultant + "^CONSULTANT^A^^^DR|||"
                + specialty + "||||19|||" + consultant + "^CONSULTANT^A^^^DR||" + visitNo + "^^^RXX^VN|||||||||||||||||||||||RXX01|||||" + adm + "\r"
                + "PV2|||^CHEST PAIN||||||||||||||||||||||||N\r"
                + "AL1|1|DA|^PENICILLIN|MO|RASH\r"
                + "ZU1|" + ts + "|ADMITTED VIA A&E|" + ward + "\r";

        Patient patient = new Patient(List.of(Identifier.of(nhs), Identifier.local("RXX", mrn)),
                List.of(new HumanName(family, List.of(given), Optional.of(sex.equals("F") ? "MS" : "MR"), Optional.of("official"))),
                Optional.of(born), sex.equals("F") ? Gender.FEMALE : Gender.MALE,
                List.of(new Address(List.of((h % 200 + 1) + " PARK ROAD", "FLAT " + (h % 40 + 1)), Optional.of("LEEDS"),
                        Optional.of(postcode), Optional.of("home"))),
                List.of(new ContactPoint("phone", "0113" + (4_960_000 + h % 9999), "home")),
                Optional.of(new OrganisationRef("B" + (82_000 + h % 999))), SensitivityFlag.U);
        Visit visit = new Visit(Identifier.local("RXX", visitNo), new OrganisationRef("RXX01"), Optional.of("I"),
                Optional.of(ward + "^BAY " + (h % 6 + 1)), Optional.of(new PractitionerRef(Identifier.local("GMC", consultant),
                Optional.of("DR A CONSULTANT"))), Optional.of(specialty));
        Admission admission = new Admission(patient, visit, Optional.of(admitted), Optional.of(now));

        FieldTrail trail = new FieldTrail()
                .inbound("MSH-4.1", "envelope.sendingFacility", "RXX01")
                .inbound("MSH-10", "envelope.messageId", controlId)
                .inbound("EVN-2", "event.recordedAt", ts)
                .inbound("PID-3[1].1", "patient.nhsNumber", nhs.value())
                .inbound("PID-3[2].1", "patient.identifier[RXX].value", mrn)
                .inbound("PID-3[2].4", "patient.identifier[RXX].system", "RXX")
                .inbound("PID-5.1", "patient.name.family", family)
                .inbound("PID-5.2", "patient.name.given", given)
                .inbound("PID-5.5", "patient.name.prefix", sex.equals("F") ? "MS" : "MR")
                .inbound("PID-7", "patient.birthDate", dob)
                .inbound("PID-8", "patient.gender", sex)
                .inbound("PID-11.1", "patient.address.line[0]", (h % 200 + 1) + " PARK ROAD")
                .inbound("PID-11.2", "patient.address.line[1]", "FLAT " + (h % 40 + 1))
                .inbound("PID-11.3", "patient.address.city", "LEEDS")
                .inbound("PID-11.5", "patient.address.postcode", postcode)
                .inbound("PID-13.1", "patient.telecom[home]", "0113" + (4_960_000 + h % 9999))
                .inbound("PD1-3.3", "patient.gpPractice", "B" + (82_000 + h % 999))
                .inbound("PV1-2", "visit.patientClass", "I")
                .inbound("PV1-3.1", "visit.location.pointOfCare", ward)
                .inbound("PV1-3.2", "visit.location.room", "BAY " + (h % 6 + 1))
                .inbound("PV1-3.4", "visit.facility", "RXX01")
                .inbound("PV1-7.1", "visit.attending.identifier", consultant)
                .inbound("PV1-10", "visit.specialty", specialty)
                .inbound("PV1-19.1", "visit.visitNumber", visitNo)
                .inbound("PV1-44", "admission.admittedAt", adm);
        Envelope env = new Envelope(controlId, Optional.empty(), "pas", "mllp:adt-feed", now, WireFormat.hl7v2("2.4"),
                java.util.Map.of());
        return new AdtA01(env, hl7.getBytes(StandardCharsets.UTF_8), admission, trail);
    }
}
