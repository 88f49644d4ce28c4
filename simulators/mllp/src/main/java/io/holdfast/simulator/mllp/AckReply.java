package io.holdfast.simulator.mllp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a sender reads from an HL7 v2 ACK: MSA-1 (code), MSA-2 (control id acknowledged), MSA-3 (text). */
public record AckReply(AckCode code, String acknowledgedControlId, String text) {
    /** The MSA of a reply, or empty if it has no MSA with a known code. */
    public static Optional<AckReply> read(byte[] reply) {
        Optional<Hl7Header> msh = Hl7Header.of(reply);
        char separator = msh.map(h -> h.field(1).charAt(0)).orElse('|');
        for (String segment : new String(reply, StandardCharsets.ISO_8859_1).split("[\r\n]+")) {
            if (segment.startsWith("MSA" + separator)) {
                String[] fields = segment.split(Pattern.quote(String.valueOf(separator)), -1);
                try {
                    return Optional.of(new AckReply(AckCode.valueOf(fields[1].strip()), fields.length > 2 ? fields[2] : "",
                            fields.length > 3 ? fields[3] : ""));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
