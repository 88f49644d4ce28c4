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

    /** When MESH tracking may next be asked about each message this mailbox sent. */
    TrackingSchedule tracking();

    /** Polls now on the mailbox's poller thread and waits for the result. */
    PollResult pollNow();

    /** Last poll and handshake state of a mailbox. */
    record MailboxStatus(boolean handshakeOk, Optional<Instant> lastPoll, PollResult lastResult, Optional<String> lastError,
                         int downloadedNotAcknowledged) {
    }
}
