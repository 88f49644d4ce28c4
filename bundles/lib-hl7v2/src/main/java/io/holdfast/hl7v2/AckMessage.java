package io.holdfast.hl7v2;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An ACK as read by a sender: MSA-1, MSA-2 and MSA-3 (or ERR text).
 *
 * @param code      MSA-1
 * @param controlId MSA-2, the MSH-10 of the message acknowledged
 * @param text      MSA-3 text or empty
 */
public record AckMessage(AckCode code, String controlId, String text) {

    /** Reads the MSA segment of an ACK; empty if there is none or MSA-1 is not a known code. */
    public static Optional<AckMessage> read(byte[] ack) {
        Optional<MshHeader> msh = MshHeader.read(ack);
        char fs = msh.map(MshHeader::fieldSeparator).orElse('|');
        String text = new String(ack, StandardCharsets.ISO_8859_1);
        for (String segment : text.split("[\r\n]+")) {
            if (segment.startsWith("MSA" + fs)) {
                String[] f = segment.split(java.util.regex.Pattern.quote(String.valueOf(fs)), -1);
                try {
                    AckCode code = AckCode.valueOf(f.length > 1 ? f[1].trim() : "");
                    return Optional.of(new AckMessage(code, f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : ""));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
