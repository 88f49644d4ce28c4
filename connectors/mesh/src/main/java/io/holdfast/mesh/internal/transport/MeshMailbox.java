package io.holdfast.mesh.internal.transport;

import io.holdfast.mesh.internal.config.MeshMailboxSettings;
import java.time.Instant;
import java.util.Optional;

/** A configured, running mailbox, as the outbound transport and shell commands use it. */
public interface MeshMailbox {

    MeshMailboxSettings settings();

    MeshClient client();

    MeshUploader uploader();

    MailboxStatus status();

    /**
     * Who this mailbox sends as, for the journal's SENT stage: {@code mesh:<mailbox>}, the vault entry's
     * version (0 for sandbox credentials in clear) and the TLS client certificate's fingerprint, if any.
     */
    io.holdfast.api.spi.CredentialIdentity senderIdentity();

    /** When MESH tracking may next be asked about each message this mailbox sent. */
    TrackingSchedule tracking();

    /** Polls now on the mailbox's poller thread and waits for the result. */
    PollResult pollNow();

    /** Last poll and handshake state of a mailbox. */
    record MailboxStatus(boolean handshakeOk, Optional<Instant> lastPoll, PollResult lastResult, Optional<String> lastError,
                         int downloadedNotAcknowledged) {
    }
}
