package io.holdfast.simulator.mllp;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The ACKs the simulated EPR writes, as HL7 v2 defines them: an MSH with sender and receiver swapped,
 * MSA-1 the code, MSA-2 the control id (MSH-10) of the message acknowledged, MSA-3 a text for an
 * error; and for an error an ERR segment with a table 0357 code (ERR-3 and severity ERR-4 from v2.5,
 * ERR-1 before).
 */
final class EprAcks {
    /** HL7 table 0357 codes the simulated faults use. */
    static final String REQUIRED_FIELD_MISSING = "101";
    static final String APPLICATION_INTERNAL_ERROR = "207";

    record Error(String code, String text) {
    }

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private EprAcks() {
    }

    static String ack(Optional<Hl7Header> received, AckCode code, Optional<Error> error, String ackControlId) {
        char fs = received.map(h -> h.field(1).charAt(0)).orElse('|');
        String enc = received.map(Hl7Header::encodingCharacters).orElse("^~\\&");
        String version = received.map(Hl7Header::version).filter(v -> !v.isBlank()).orElse("2.4");
        String trigger = received.map(h -> h.component(9, 2)).orElse("");
        StringBuilder ack = new StringBuilder(256);
        ack.append(String.join(String.valueOf(fs), "MSH", enc,
                received.map(h -> h.field(5)).orElse("EPRSIM"), received.map(h -> h.field(6)).orElse("EPR"),
                received.map(h -> h.field(3)).orElse(""), received.map(h -> h.field(4)).orElse(""),
                ZonedDateTime.now(LONDON).format(HL7_TIME), "",
                trigger.isEmpty() ? "ACK" : "ACK" + enc.charAt(0) + trigger + enc.charAt(0) + "ACK",
                ackControlId, received.map(h -> h.field(11)).filter(p -> !p.isBlank()).orElse("P"), version)).append('\r');
        ack.append("MSA").append(fs).append(code.name()).append(fs).append(received.map(Hl7Header::controlId).orElse(""));
        error.ifPresent(e -> ack.append(fs).append(e.text()));
        ack.append('\r');
        error.ifPresent(e -> ack.append(err(e, fs, enc, version)).append('\r'));
        return ack.toString();
    }

    private static String err(Error e, char fs, String enc, String version) {
        char cs = enc.charAt(0);
        if (fromV25(version)) {
            return "ERR" + fs + fs + fs + e.code() + cs + e.text() + cs + "HL70357" + fs + "E";
        }
        char ss = enc.charAt(3);
        return "ERR" + fs + cs + cs + cs + e.code() + ss + e.text() + ss + "HL70357";
    }

    private static boolean fromV25(String version) {
        String[] parts = version.split("\\.");
        try {
            return Integer.parseInt(parts[0]) > 2 || Integer.parseInt(parts[0]) == 2 && parts.length > 1 && Integer.parseInt(parts[1]) >= 5;
        } catch (NumberFormatException ex) {
            return false;
        }
    }
}
