package io.holdfast.transport.http.internal.transport;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.Visit;
import io.holdfast.api.kernel.IntakeReceipt;
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
import io.holdfast.testkit.TestKernel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in FHIR codec for the component tests (the real one is holdfast-lib-fhir's): reads
 * {@code patient|visit|family} lines as admissions and writes a minimal Encounter as JSON.
 */
final class EncounterJsonCodec implements Codec<byte[]> {

    @Override
    public WireFormat format() {
        return WireFormat.fhirR4();
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        String[] f = new String(wire, StandardCharsets.UTF_8).split("\\|");
        if (f.length != 3) {
            return DecodeResult.rejected("BAD_LINE", "expected patient|visit|family");
        }
        Patient p = new Patient(List.of(Identifier.local("PAS", f[0])), List.of(HumanName.of(f[2], "Jo")), Optional.empty(),
                Gender.FEMALE, List.of(), List.of(), Optional.empty(), SensitivityFlag.U);
        return DecodeResult.decoded(new Admission(p, Visit.of(Identifier.local("RXX", f[1]), new OrganisationRef("RXX01")),
                Optional.of(Instant.parse("2026-03-01T10:00:00Z")), Optional.empty()));
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        Admission a = (Admission) event;
        return ("{\"resourceType\":\"Encounter\",\"identifier\":[{\"value\":\"" + a.visit().visitNumber().value() + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Hands one line to Intake as a connector would; returns once it is durably accepted. */
    static IntakeReceipt send(TestKernel k, String messageId, String line) throws Exception {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Envelope env = Envelope.of(messageId, "pas", "test:lines", WireFormat.fhirR4());
        return k.intake().accept(env, Payload.of(bytes), new EncounterJsonCodec().decode(bytes, env, new FieldTrail()), new FieldTrail())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
