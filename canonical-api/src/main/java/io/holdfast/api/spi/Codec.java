package io.holdfast.api.spi;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;

/**
 * Maps one wire format to and from the canonical model: the only place wire-format types meet
 * canonical ones. Register as an OSGi service with property {@code holdfast.format} = the format
 * family (e.g. {@code HL7V2}). Codecs must be thread-safe and never throw for bad input: they
 * return {@link DecodeResult.Rejected}.
 *
 * @param <W> the wire representation (e.g. {@code byte[]}, a HAPI message, a FHIR resource)
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Codec<W> {
    /** Service property naming the format family a registered codec handles. */
    String FORMAT_PROPERTY = "holdfast.format";

    /**
     * The family a registered codec serves: its {@value #FORMAT_PROPERTY} service property, else
     * the family of its own {@link #format()}. What every service tracker of codecs keys them by.
     */
    static String family(Codec<?> codec, java.util.Map<String, ?> serviceProperties) {
        Object v = serviceProperties == null ? null : serviceProperties.get(FORMAT_PROPERTY);
        return v == null ? codec.format().family() : v.toString();
    }

    /** The format family and versions this codec handles. */
    WireFormat format();

    /** Decodes an inbound message, recording each mapped field in {@code trail}. */
    DecodeResult decode(W wire, Envelope envelope, FieldTrail trail);

    /**
     * Encodes a canonical event for a target of this format (the target's version in
     * {@code target}), recording each mapped field in {@code trail}.
     *
     * @throws io.holdfast.api.error.HoldfastException with {@code INVALID_EVENT} if the event type
     *         cannot be expressed in this format
     */
    W encode(ClinicalEvent event, WireFormat target, FieldTrail trail);
}
