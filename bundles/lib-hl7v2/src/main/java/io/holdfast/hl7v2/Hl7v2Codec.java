package io.holdfast.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.hl7v2.internal.Hl7v2Encoder;
import io.holdfast.hl7v2.internal.MessageMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/**
 * HL7 v2 (2.3–2.5, HL7 UK ITK conventions) to and from the canonical model. Raw bytes in: the
 * charset comes from MSH-18, else the listener's default (envelope attribute
 * {@value #ATTR_DEFAULT_CHARSET}); HAPI parses into v2.5 structures without US validation rules.
 * Never throws for bad input: it answers {@link DecodeResult.Rejected} with a stable code.
 *
 * <p>Transport-neutral: MLLP, MESH, SFTP and file connectors construct one (per sender time zone)
 * or use the registered {@code Codec} service ({@code holdfast.format=HL7V2}). Messages mapped:
 * ADT (A01–A40), ORU^R01/R30/R31/R32 results, ORM^O01 and OML^O21 orders, RDE^O11 pharmacy orders;
 * any other well-formed message is {@link DecodeResult.Unmapped}. The rejection codes are the
 * constants below; the reasons name fields (e.g. {@code ORC-2.1}), never their values.
 */
public final class Hl7v2Codec implements Codec<byte[]> {
    /** Envelope attribute with the charset to use when MSH-18 is empty (Java charset name). */
    public static final String ATTR_DEFAULT_CHARSET = "hl7.defaultCharset";
    public static final String NO_MSH = "NO_MSH";
    /** MSH is there but its delimiters (MSH-1, MSH-2) are unusable, so no field can be read. */
    public static final String MALFORMED_MSH = "MALFORMED_MSH";
    public static final String UNPARSABLE = "UNPARSABLE";
    public static final String UNSUPPORTED_CHARSET = "UNSUPPORTED_CHARSET";
    /** A field the mapping needs is empty, e.g. PID-3, PV1-19, OBR-3, or both placer and filler order number. */
    public static final String MISSING_FIELD = "MISSING_FIELD";
    /** A field holds a value the mapping cannot use: a bad timestamp, an order control Holdfast does not map. */
    public static final String INVALID_VALUE = "INVALID_VALUE";
    /** An identifier marked as an NHS number fails the Modulus 11 check. */
    public static final String INVALID_NHS_NUMBER = "INVALID_NHS_NUMBER";

    private final HapiContext context = UkHapiContexts.canonical();
    private final PipeParser parser = context.getPipeParser();
    private final ZoneId zone;
    private final Hl7v2Encoder encoder;

    public Hl7v2Codec(ZoneId zone) {
        this.zone = zone;
        this.encoder = new Hl7v2Encoder(zone);
    }

    public Hl7v2Codec() {
        this(ZoneId.of("Europe/London"));
    }

    @Override
    public WireFormat format() {
        return WireFormat.hl7v2("2.3-2.5");
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        Optional<MshHeader> msh = MshHeader.read(wire);
        if (msh.isEmpty()) {
            String problem = MshHeader.problem(wire).orElse("the message does not start with a readable MSH segment");
            return DecodeResult.rejected(startsWithMsh(wire) ? MALFORMED_MSH : NO_MSH, problem);
        }
        Optional<Charset> charset = Hl7Charsets.forMessage(msh, defaultCharset(envelope));
        if (charset.isEmpty()) {
            return DecodeResult.rejected(UNSUPPORTED_CHARSET, "MSH-18 names a character set Holdfast does not support");
        }
        Message message;
        try {
            message = parser.parse(segmentsEndingInCr(new String(wire, charset.get())));
        } catch (HL7Exception e) {
            return DecodeResult.rejected(UNPARSABLE, describe(e));
        } catch (RuntimeException e) {
            return DecodeResult.rejected(UNPARSABLE, "HAPI could not parse the message: " + e.getClass().getSimpleName());
        }
        try {
            return MessageMapper.map(message, zone, trail);
        } catch (HL7Exception e) {
            return DecodeResult.rejected(UNPARSABLE, describe(e));
        }
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        return encoder.encode(event, target, trail);
    }

    private static Charset defaultCharset(Envelope envelope) {
        String name = envelope.attributes().get(ATTR_DEFAULT_CHARSET);
        if (name == null) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static boolean startsWithMsh(byte[] wire) {
        String head = new String(wire, 0, Math.min(wire.length, 8), StandardCharsets.ISO_8859_1).stripLeading();
        return head.startsWith("MSH");
    }

    /** Some senders end segments with LF or CR LF; HL7 wants CR. */
    static String segmentsEndingInCr(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        return text.replace("\r\n", "\r").replace('\n', '\r');
    }

    /** HAPI's own messages may quote message content, so only the error code and location are kept. */
    private static String describe(HL7Exception e) {
        String location = e.getLocation() == null ? "" : " at " + e.getLocation().toString();
        return "HAPI could not parse the message: " + e.getError() + location;
    }
}
