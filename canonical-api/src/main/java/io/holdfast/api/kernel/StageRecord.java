package io.holdfast.api.kernel;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.CredentialIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage to append for a journaled message, e.g. SENT with the bytes sent and the credential
 * identity used, RESPONSE with the bytes received.
 *
 * @param journalId  the message's journal id (from {@link IntakeReceipt#journalId()})
 * @param systemId   the inventory id of the target (or source) this stage concerns
 * @param detail     a short PHI-free description (status code, ACK code, error reason)
 * @param payload    bytes sent or received, stored encrypted
 */
@org.osgi.annotation.versioning.ProviderType
public record StageRecord(long journalId, Stage stage, String systemId, Optional<CredentialIdentity> credential,
                          String detail, Optional<Payload> payload) {
    public StageRecord {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(systemId, "systemId");
        credential = credential == null ? Optional.empty() : credential;
        detail = detail == null ? "" : detail;
        payload = payload == null ? Optional.empty() : payload;
    }
}
