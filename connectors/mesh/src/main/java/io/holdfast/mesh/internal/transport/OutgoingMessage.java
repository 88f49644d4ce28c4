package io.holdfast.mesh.internal.transport;

import io.holdfast.api.message.Payload;
import java.util.Objects;
import java.util.Optional;

/** A message to send: recipient mailbox, workflow, optional subject / local id / file name, content. */
public record OutgoingMessage(String to, String workflowId, Optional<String> subject, Optional<String> localId,
                              Optional<String> fileName, Payload content) {
    public OutgoingMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(workflowId, "workflowId");
        subject = subject == null ? Optional.empty() : subject;
        localId = localId == null ? Optional.empty() : localId;
        fileName = fileName == null ? Optional.empty() : fileName;
        Objects.requireNonNull(content, "content");
    }
}
