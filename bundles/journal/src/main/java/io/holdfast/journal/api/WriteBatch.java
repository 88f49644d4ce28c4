package io.holdfast.journal.api;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.spi.CredentialIdentity;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One batch transaction of the journal writer, as a task sees it. */
public interface WriteBatch {

    /** For reads; writes go through the buffers below and {@link #resource}. */
    Connection connection();

    /**
     * Buffers a journal_message row with its RECEIVED stage (which vouches for the row in the
     * chain) and returns the message's journal id.
     */
    long addMessage(Envelope envelope, Optional<PayloadInfo> payload);

    /** One decoded event of a message, as journaled: identifiers as keyed digests only. */
    record EventRecord(String eventType, String keyDigest, Optional<String> nhsNumberDigest, ClaimOutcome claim) {
    }

    /**
     * Buffers the TRANSFORMED stage of a message with its events and field-level records (values
     * as keyed digests unless the field policy allows them in clear); the stage's chain link
     * covers all of them. Returns the stage sequence number.
     */
    long addTransformed(long journalId, String systemId, String detail, List<EventRecord> events, List<FieldMapping> fields);

    /**
     * Buffers a stage row, extending the hash chain; returns its sequence number.
     *
     * @param coveredDigest digest of rows this stage vouches for (e.g. the message row for
     *                      RECEIVED, events and fields for TRANSFORMED); empty if none
     */
    long addStage(long journalId, Stage stage, String systemId, Optional<CredentialIdentity> credential, String detail,
                  Optional<PayloadInfo> payload, String coveredDigest);


    /** Appends an already sealed small payload to the current payload segment; made durable before commit. */
    PayloadInfo appendPayload(byte[] sealed, long plainSize, String plainSha256);

    /** The participant's per-batch resource, created on first use. */
    <R extends BatchResource> R resource(Class<R> type, Function<Connection, R> factory);
}
