package io.holdfast.hl7v2.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.Admission;
import io.holdfast.api.event.Cancellation;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.event.Discharge;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.Observation;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.PatientEvent;
import io.holdfast.api.event.PatientMerge;
import io.holdfast.api.event.PreAdmission;
import io.holdfast.api.event.Registration;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.event.Transfer;
import io.holdfast.api.event.Visit;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Canonical events back to HL7 v2 (UK ITK layout) for a target's version (2.3, 2.4 or 2.5;
 * default 2.4), UTF-8 with MSH-18 {@code UNICODE UTF-8}. MSH-10 is a digest of the event's key and
 * content; the MLLP transport replaces it with the delivery's request id so a retry carries the
 * same MSH-10 and a genuine amendment a new one.
 */
public final class Hl7v2Encoder {
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final ZoneId zone;

    public Hl7v2Encoder(ZoneId zone) {
        this.zone = zone;
    }

    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        String version = target.version().matches("2\\.[345](\\.\\d)?") ? target.version() : "2.4";
        StringBuilder sb = new StringBuilder(512);
        String[] type = messageType(event);
        String controlId = event.digest().hex().substring(0, 20);
        sb.append("MSH|^~\\&|HOLDFAST|").append(facility(event)).append("|||").append(ts(Instant.now()))
                .append("||").append(type[0]).append('^').append(type[1]).append('^').append(type[2]).append('|').append(controlId)
                .append("|P|").append(version).append("|||||GBR|UNICODE UTF-8\r");
        if (event instanceof LabResult r) {
            pid(sb, r.patient(), trail);
            result(sb, r, trail);
        } else if (event instanceof Order o) {
            pid(sb, o.patient(), trail);
            o.visit().ifPresent(v -> pv1(sb, event, v, trail));
            OrderEncoder.append(sb, o, trail, this::ts);
        } else if (event instanceof PatientEvent pe) {
            sb.append("EVN|").append(type[1]).append('|').append(ts(event.occurredAt().orElse(Instant.now())));
            if (event instanceof Transfer t) {
                sb.append("||||").append(ts(t.transferredAt()));
            } else if (event instanceof Cancellation c) {
                sb.append("||").append(esc(c.reason().orElse("")));
                cancelledTransferTime(c).ifPresent(at -> sb.append("||").append(at));
            }
            sb.append('\r');
            pid(sb, pe.patient(), trail);
            if (event instanceof PatientMerge m) {
                sb.append("MRG|").append(cx(m.retired())).append('\r');
                trail.outbound("retired", "MRG-1", m.retired().value());
            }
            visit(event).ifPresent(v -> pv1(sb, event, v, trail));
        } else {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "event type " + event.type() + " has no HL7 v2 form");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String[] messageType(ClinicalEvent e) {
        return switch (e.type()) {
            case Admission.TYPE -> new String[] {"ADT", "A01", "ADT_A01"};
            case Transfer.TYPE -> new String[] {"ADT", "A02", "ADT_A02"};
            case Discharge.TYPE -> new String[] {"ADT", "A03", "ADT_A03"};
            case Registration.TYPE -> ((Registration) e).visit().isPresent() ? new String[] {"ADT", "A04", "ADT_A01"}
                    : new String[] {"ADT", "A28", "ADT_A05"};
            case PreAdmission.TYPE -> new String[] {"ADT", "A05", "ADT_A05"};
            case DemographicUpdate.TYPE -> ((DemographicUpdate) e).visit().isPresent() ? new String[] {"ADT", "A08", "ADT_A01"}
                    : new String[] {"ADT", "A31", "ADT_A05"};
            case PatientMerge.TYPE -> new String[] {"ADT", "A40", "ADT_A39"};
            case LabResult.TYPE -> new String[] {"ORU", "R01", "ORU_R01"};
            case Order.TYPE -> ((Order) e).medication().isPresent() ? new String[] {"RDE", "O11", "RDE_O11"}
                    : new String[] {"ORM", "O01", "ORM_O01"};
            case Cancellation.TYPE -> cancellationType((Cancellation) e);
            default -> throw new HoldfastException(ErrorCode.INVALID_EVENT, "event type " + e.type() + " has no HL7 v2 form");
        };
    }

    private static String[] cancellationType(Cancellation c) {
        return switch (c.cancelled().eventType()) {
            case Admission.TYPE, Registration.TYPE -> new String[] {"ADT", "A11", "ADT_A09"};
            case Transfer.TYPE -> new String[] {"ADT", "A12", "ADT_A12"};
            case Discharge.TYPE -> new String[] {"ADT", "A13", "ADT_A01"};
            default -> throw new HoldfastException(ErrorCode.INVALID_EVENT,
                    "a cancellation of " + c.cancelled().eventType() + " has no HL7 v2 ADT form");
        };
    }

    private static Optional<Visit> visit(ClinicalEvent e) {
        if (e instanceof io.holdfast.api.event.VisitEvent ve) {
            return Optional.of(ve.visit());
        }
        if (e instanceof Registration r) {
            return r.visit();
        }
        if (e instanceof DemographicUpdate d) {
            return d.visit();
        }
        if (e instanceof Cancellation c) {
            return cancelledVisit(c);
        }
        if (e instanceof Order o) {
            return o.visit();
        }
        return Optional.empty();
    }

    /** Visit keys are {@code facility|visitSystem|visitNumber|patientSystem|patientId[|transferTime]}. */
    private static Optional<Visit> cancelledVisit(Cancellation c) {
        String[] parts = c.cancelled().value().split("\\|");
        if (parts.length < 5 || !c.cancelled().system().equals(io.holdfast.api.event.KeySystems.VISIT)) {
            return Optional.empty();
        }
        return Optional.of(Visit.of(new Identifier(parts[1], parts[2]), new io.holdfast.api.model.OrganisationRef(parts[0])));
    }

    private Optional<String> cancelledTransferTime(Cancellation c) {
        String[] parts = c.cancelled().value().split("\\|");
        if (!c.cancelled().eventType().equals(Transfer.TYPE) || parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(ts(Instant.parse(parts[5])));
    }

    private static String facility(ClinicalEvent e) {
        return visit(e).map(v -> esc(v.facility().odsCode())).orElse("");
    }

    private void pid(StringBuilder sb, Patient p, FieldTrail trail) {
        sb.append("PID|1||");
        for (int i = 0; i < p.identifiers().size(); i++) {
            Identifier id = p.identifiers().get(i);
            sb.append(i > 0 ? "~" : "").append(cx(id));
            trail.outbound(id.isNhsNumber() ? "patient.nhsNumber" : "patient.identifiers[" + i + "].value",
                    "PID-3[" + (i + 1) + "].1", id.value());
        }
        sb.append("||");
        for (int i = 0; i < p.names().size(); i++) {
            var n = p.names().get(i);
            sb.append(i > 0 ? "~" : "").append(esc(n.family())).append('^').append(esc(n.given().isEmpty() ? "" : n.given().get(0)))
                    .append('^').append(esc(n.given().size() > 1 ? n.given().get(1) : "")).append("^^").append(esc(n.prefix().orElse(""))).append("^^")
                    .append(n.use().map(u -> u.equals("official") ? "L" : esc(u)).orElse(""));
            trail.outbound("patient.names[" + i + "].family", "PID-5[" + (i + 1) + "].1", n.family());
        }
        sb.append("||").append(p.birthDate().map(d -> d.toString().replace("-", "")).orElse("")).append('|')
                .append(switch (p.gender()) {
                    case MALE -> "M";
                    case FEMALE -> "F";
                    case OTHER -> "O";
                    case UNKNOWN -> "U";
                }).append("|||");
        for (int i = 0; i < p.addresses().size(); i++) {
            var a = p.addresses().get(i);
            sb.append(i > 0 ? "~" : "").append(esc(a.lines().isEmpty() ? "" : a.lines().get(0))).append('^')
                    .append(esc(a.lines().size() > 1 ? a.lines().get(1) : "")).append('^').append(esc(a.city().orElse(""))).append('^')
                    .append(esc(a.lines().size() > 2 ? a.lines().get(2) : "")).append('^').append(esc(a.postcode().orElse(""))).append("^^").append(a.use().filter("home"::equals).map(u -> "H").orElse(""));
        }
        sb.append("||");
        for (int i = 0; i < p.telecom().size(); i++) {
            var t = p.telecom().get(i);
            boolean email = t.system().equals("email");
            sb.append(i > 0 ? "~" : "").append(email ? "" : esc(t.value())).append('^').append(email ? "NET" : "PRN").append('^')
                    .append(email ? "Internet" : t.use().equals("mobile") ? "CP" : "PH").append(email ? "^" + esc(t.value()) : "");
        }
        sb.append('\r');
        String protection = switch (p.sensitivity()) {
            case U -> "N";
            case NOT_STATED -> "";
            case R, V, REDACTED -> "Y";
        };
        if (p.gpPractice().isPresent() || !protection.isEmpty()) {
            sb.append("PD1|||").append(p.gpPractice().map(gp -> "^^" + esc(gp.odsCode())).orElse(""));
            if (!protection.isEmpty()) {
                sb.append("|".repeat(9)).append(protection);
                trail.outbound("patient.sensitivity", "PD1-12", protection);
            }
            sb.append('\r');
        }
    }

    private void pv1(StringBuilder sb, ClinicalEvent e, Visit v, FieldTrail trail) {
        String[] f = new String[46];
        java.util.Arrays.fill(f, "");
        f[1] = "1";
        f[2] = v.patientClass().map(Hl7v2Encoder::esc).orElse("");
        String[] loc = (v.location().orElse("") + "^^^").split("\\^", -1);
        f[3] = loc[0] + "^" + loc[1] + "^" + loc[2] + "^" + esc(v.facility().odsCode());
        f[7] = v.attending().map(a -> esc(a.identifier().value()) + "^" + esc(a.display().orElse(""))).orElse("");
        f[10] = v.specialty().map(Hl7v2Encoder::esc).orElse("");
        f[19] = esc(v.visitNumber().value()) + "^^^" + esc(authority(v.visitNumber())) + "^VN";
        if (e instanceof Transfer t) {
            f[6] = t.fromLocation().orElse("");
        }
        if (e instanceof Admission a) {
            f[44] = a.admittedAt().map(this::ts).orElse("");
        }
        if (e instanceof Discharge d) {
            f[45] = d.dischargedAt().map(this::ts).orElse("");
        }
        trail.outbound("visit.visitNumber.value", "PV1-19.1", v.visitNumber().value());
        int last = f.length - 1;
        while (last > 1 && f[last].isEmpty()) {
            last--;
        }
        sb.append("PV1");
        for (int i = 1; i <= last; i++) {
            sb.append('|').append(f[i]);
        }
        sb.append('\r');
        if (e instanceof PreAdmission p && p.expectedAdmitAt().isPresent()) {
            sb.append("PV2||||||||").append(ts(p.expectedAdmitAt().get())).append('\r');
        }
    }

    private void result(StringBuilder sb, LabResult r, FieldTrail trail) {
        sb.append("OBR|1|").append(r.placerOrderNumber().map(p -> esc(p.value()) + "^" + esc(authority(p))).orElse("")).append('|')
                .append(esc(r.fillerOrderNumber().value())).append('^').append(esc(authority(r.fillerOrderNumber()))).append('|')
                .append(esc(r.testCode())).append('^').append(esc(r.testName())).append('^').append(esc(r.testCodeSystem()))
                .append("|||").append(r.observedAt().map(this::ts).orElse(""))
                .append("|".repeat(15)).append(r.occurredAt().map(this::ts).orElse("")).append("|||").append(status(r.status()))
                .append('\r');
        trail.outbound("result.fillerOrderNumber.value", "OBR-3.1", r.fillerOrderNumber().value());
        int i = 1;
        for (Observation o : r.observations()) {
            // OBX-5 keeps the sender's encoding (components and repetitions), so it is not escaped again.
            sb.append("OBX|").append(i++).append('|').append(esc(o.valueType())).append('|').append(esc(o.code())).append('^')
                    .append(esc(o.display())).append('^').append(esc(o.codeSystem())).append("||").append(o.value()).append('|')
                    .append(esc(o.unit().orElse(""))).append('|').append(esc(o.referenceRange().orElse(""))).append('|')
                    .append(esc(o.abnormalFlag().orElse(""))).append("|||").append(status(o.status())).append('\r');
        }
    }

    private static String status(ResultStatus s) {
        return switch (s) {
            case CORRECTED -> "C";
            case PRELIMINARY -> "P";
            case REGISTERED -> "I";
            case CANCELLED -> "X";
            case ENTERED_IN_ERROR -> "W";
            case FINAL -> "F";
        };
    }

    private static String cx(Identifier id) {
        return id.isNhsNumber() ? id.value() + "^^^NHS^NH" : esc(id.value()) + "^^^" + esc(authority(id)) + "^MR";
    }

    private static String authority(Identifier id) {
        return id.system().startsWith(Identifier.LOCAL_PREFIX) ? id.system().substring(Identifier.LOCAL_PREFIX.length()) : id.system();
    }

    private String ts(Instant i) {
        return DTM.format(i.atZone(zone));
    }

    /** HL7 escape sequences for the default delimiters. */
    static String esc(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\E\\");
                case '|' -> sb.append("\\F\\");
                case '^' -> sb.append("\\S\\");
                case '&' -> sb.append("\\T\\");
                case '~' -> sb.append("\\R\\");
                case '\r', '\n' -> sb.append("\\X0D\\");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
