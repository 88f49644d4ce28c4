package io.holdfast.eps.internal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Format family {@value #FAMILY} ({@code EPS:R4}): canonical Prescription, DispenseNotification and pharmacy Order
 * events as the body of an EPS {@code $process-message} call, and such message bundles back into events. Encoding is
 * deterministic (ids derived from the event's key and content digest, no clock): the outbox's retries send identical
 * bytes with the same X-Request-ID.
 */
public final class EpsCodec implements Codec<byte[]> {
    public static final String FAMILY = "EPS";
    public static final WireFormat FORMAT = new WireFormat(FAMILY, "R4");
    private final Supplier<Optional<String>> prescriberOds;

    public EpsCodec(Supplier<Optional<String>> prescriberOds) {
        this.prescriberOds = prescriberOds;
    }

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        JsonNode bundle;
        try {
            bundle = Json.MAPPER.readTree(wire);
        } catch (IOException e) {
            return new DecodeResult.Rejected("NOT_JSON", "the body is not JSON");
        }
        if (bundle == null) {
            return new DecodeResult.Rejected("NOT_JSON", "the body is empty");
        }
        try {
            return DecodeResult.decoded(EpsBundleReader.read(bundle, trail));
        } catch (IllegalArgumentException | HoldfastException | java.time.DateTimeException e) {
            return new DecodeResult.Rejected("NOT_EPS_MESSAGE", e instanceof HoldfastException h ? h.describe() : e.getMessage());
        }
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        JsonNode bundle;
        if (event instanceof Prescription p) {
            bundle = PrescriptionBundles.message(p, trail);
        } else if (event instanceof DispenseNotification d) {
            bundle = DispenseBundles.message(d, trail);
        } else if (event instanceof Order o) {
            bundle = PrescriptionBundles.message(OrderPrescriptions.from(o, prescriberOds.get(), trail), trail);
        } else {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "EPS takes prescriptions, dispense notifications and pharmacy orders, not "
                    + event.type());
        }
        try {
            return Json.MAPPER.writeValueAsString(bundle).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a FHIR tree that cannot be written: " + e.getOriginalMessage(), e);
        }
    }
}
