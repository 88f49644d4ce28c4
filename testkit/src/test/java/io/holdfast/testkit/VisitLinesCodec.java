package io.holdfast.testkit;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Visit;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
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
import java.util.List;
import java.util.Optional;

/** A codec for the tests: {@code patient|visit|family} is one admission; encodes as {@code ADMIT|visit|family}. */
final class VisitLinesCodec implements Codec<byte[]> {
    static final WireFormat FORMAT = new WireFormat("VISITS", "1");

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        String[] f = new String(wire, StandardCharsets.UTF_8).split("\\|");
        if (f.length != 3) {
            return DecodeResult.rejected("BAD_LINE", "expected patient|visit|family");
        }
        return DecodeResult.decoded(admission(f[0], f[1], f[2]));
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        Admission a = (Admission) event;
        return ("ADMIT|" + a.visit().visitNumber().value() + "|" + a.patient().names().get(0).family()).getBytes(StandardCharsets.UTF_8);
    }

    static Admission admission(String patient, String visit, String family) {
        Patient p = new Patient(List.of(Identifier.local("PAS", patient)), List.of(HumanName.of(family, "Jo")), Optional.empty(),
                Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        return new Admission(p, Visit.of(Identifier.local("RXX", visit), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.empty());
    }

    /** Decodes and hands the line to Intake as a connector would; returns once the kernel answered. */
    static io.holdfast.api.kernel.IntakeReceipt send(TestKernel k, String messageId, String line) throws Exception {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Envelope env = Envelope.of(messageId, "pas", "test:visits", FORMAT);
        return k.intake().accept(env, Payload.of(bytes), new VisitLinesCodec().decode(bytes, env, new FieldTrail()), new FieldTrail())
                .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
