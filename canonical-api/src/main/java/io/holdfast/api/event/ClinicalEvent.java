package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * A clinical (or workforce, or transport) event in canonical form. Deliberately not sealed:
 * vendors add their own types. Consumers dispatch on {@link #type()} and must handle types they
 * do not know (typically: keep, journal, route as passthrough only if asked), never by an
 * exhaustive switch.
 *
 * <p>Implementations should be records so the {@link #digest() content digest} sees every
 * component; volatile components carry {@link DigestExcluded}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ClinicalEvent {

    /** Stable type name, e.g. {@code Admission}; vendors use a qualified name such as {@code acme.BedState}. */
    String type();

    /** The natural clinical identity used for idempotency. */
    EventKey key();

    /** The identifier of the patient the event is about, if any (workforce and file events have none). */
    Optional<Identifier> subject();

    /** When the event happened at the source (e.g. EVN-2), used to detect stale out-of-order amendments. */
    Optional<Instant> occurredAt();

    /** The subject's NHS number, if the subject is identified by one. */
    default Optional<NhsNumber> nhsNumber() {
        return subject().filter(Identifier::isNhsNumber).map(i -> NhsNumber.parse(i.value()));
    }

    /** Digest over the normalised content, excluding volatile fields. */
    default ContentDigest digest() {
        return ContentDigest.of(this);
    }
}
