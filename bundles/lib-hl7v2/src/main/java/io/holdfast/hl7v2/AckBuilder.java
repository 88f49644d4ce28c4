package io.holdfast.hl7v2;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Builds HL7 v2 ACK messages from the byte-level {@link MshHeader}, so a message HAPI cannot parse
 * (or one without any MSH) still gets a negative acknowledgement. MSA-2 echoes MSH-10; the ERR
 * segment follows the message's version (v2.5+ ERR-3/ERR-4, older ERR-1).
 */
public final class AckBuilder {
    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final String application;
    private final String facility;

    /**
     * @param application MSH-3 Holdfast writes when the inbound MSH is unreadable
     * @param facility    MSH-4 Holdfast writes when the inbound MSH is unreadable
     */
    public AckBuilder(String application, String facility) {
        this.application = application;
        this.facility = facility;
    }

    public String build(Optional<MshHeader> inbound, AckCode code, Optional<AckError> error, String ackControlId) {
        StringBuilder sb = new StringBuilder(256);
        char fs = inbound.map(MshHeader::fieldSeparator).orElse('|');
        String enc = inbound.map(MshHeader::encodingCharacters).orElse("^~\\&");
        char cs = enc.charAt(0);
        String version = inbound.map(MshHeader::version).filter(v -> !v.isBlank()).orElse("2.4");
        sb.append("MSH").append(fs).append(enc).append(fs);
        if (inbound.isPresent()) {
            MshHeader m = inbound.get();
            sb.append(m.field(MshHeader.RECEIVING_APPLICATION)).append(fs).append(m.field(MshHeader.RECEIVING_FACILITY)).append(fs)
                    .append(m.field(MshHeader.SENDING_APPLICATION)).append(fs).append(m.field(MshHeader.SENDING_FACILITY)).append(fs);
        } else {
            sb.append(application).append(fs).append(facility).append(fs).append(fs).append(fs);
        }
        sb.append(ZonedDateTime.now(LONDON).format(HL7_TS)).append(fs).append(fs);
        String trigger = inbound.map(m -> m.component(MshHeader.MESSAGE_TYPE, 2)).orElse("");
        sb.append("ACK");
        if (!trigger.isEmpty()) {
            sb.append(cs).append(trigger).append(cs).append("ACK");
        }
        sb.append(fs).append(ackControlId).append(fs)
                .append(inbound.map(m -> m.first(MshHeader.PROCESSING_ID)).filter(p -> !p.isBlank()).orElse("P")).append(fs)
                .append(version);
        String charset = inbound.map(m -> m.field(MshHeader.CHARACTER_SET)).orElse("");
        if (!charset.isEmpty()) {
            sb.append(String.valueOf(fs).repeat(6)).append(charset);
        }
        sb.append('\r');
        sb.append("MSA").append(fs).append(code.name()).append(fs).append(inbound.map(MshHeader::controlId).orElse(""));
        error.ifPresent(e -> sb.append(fs).append(clean(e.text(), fs, enc)));
        sb.append('\r');
        error.ifPresent(e -> appendErr(sb, e, fs, enc, version));
        return sb.toString();
    }

    private static void appendErr(StringBuilder sb, AckError e, char fs, String enc, String version) {
        char cs = enc.charAt(0);
        char ss = enc.length() > 3 ? enc.charAt(3) : '&';
        String text = clean(e.text(), fs, enc);
        if (isV25OrLater(version)) {
            sb.append("ERR").append(fs).append(fs).append(fs).append(e.hl7Code()).append(cs).append(text).append(cs).append("HL70357")
                    .append(fs).append('E').append('\r');
        } else {
            sb.append("ERR").append(fs).append(cs).append(cs).append(cs).append(e.hl7Code()).append(ss).append(text).append(ss)
                    .append("HL70357").append('\r');
        }
    }

    static boolean isV25OrLater(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 2 || (major == 2 && minor >= 5);
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Removes HL7 delimiters from free text so it cannot break the ACK's structure. */
    static String clean(String text, char fs, String enc) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c == fs || enc.indexOf(c) >= 0 || c == '\r' || c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }
}
