package io.holdfast.routing.internal;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Visit;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.spi.Codec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A trivial codec: one admission per line, {@code patient|visit|family}; encodes as {@code ENC|type|family|digest}. */
public final class LineCodec implements Codec<byte[]> {
    public static final String FAMILY = "LINES";
    public static final WireFormat FORMAT = new WireFormat(FAMILY, "1");

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        List<ClinicalEvent> events = new ArrayList<>();
        for (String line : new String(wire, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\\|");
            if (f.length != 3) {
                return DecodeResult.rejected("BAD_LINE", "expected patient|visit|family");
            }
            events.add(admission(f[0], f[1], f[2]));
        }
        return new DecodeResult.Decoded(events);
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        String family = event instanceof Admission a ? a.patient().names().get(0).family() : "";
        return ("ENC|" + event.type() + "|" + family + "|" + event.digest().hex()).getBytes(StandardCharsets.UTF_8);
    }

    public static Admission admission(String patient, String visit, String family) {
        Patient p = new Patient(List.of(Identifier.local("PAS", patient)), List.of(HumanName.of(family, "Jo")), Optional.empty(),
                Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        return new Admission(p, Visit.of(Identifier.local("RXX", visit), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.of(Instant.parse("2026-03-01T10:00:05Z")));
    }

    public static byte[] lines(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
