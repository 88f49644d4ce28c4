package io.holdfast.api.kernel;

import io.holdfast.api.event.EventKey;
import io.holdfast.api.model.NhsNumber;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The field-level audit journal: what was received, transformed, sent and acknowledged, by which
 * credential identity. Stage rows form a hash chain in write order; {@link #verify()} checks it.
 * Inbound messages enter through {@link Intake}; outbound stages through {@link #record}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Journal {

    /** Appends a stage (SENT, RESPONSE, ACKED, DEAD_LETTER...); completes when durable. */
    CompletionStage<Long> record(StageRecord record);

    Optional<JournalEntry> find(long journalId);

    List<JournalEntry> byMessageId(String messageId);

    List<JournalEntry> byNaturalKey(EventKey key);

    List<JournalEntry> byNhsNumber(NhsNumber nhsNumber);

    /** Most recent first. */
    List<JournalEntry> bySystem(String systemId, int limit);

    /** Messages routed to a target that has not reached a terminal stage, oldest first. */
    List<JournalEntry> inFlight(int limit);

    List<FieldEntry> fields(long journalId);

    /** Decrypts a stored payload; the caller closes the stream. */
    InputStream openPayload(PayloadInfo payload);

    ChainVerification verify();

    JournalCounts counts();
}
