package io.holdfast.simulator.ers;

import java.time.LocalDate;
import java.util.Objects;

/** A file attached to a referral, served by A006/A042 as {@code Binary/{id}}. */
public record Attachment(String id, String title, String contentType, byte[] content, LocalDate created) {

    public Attachment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(contentType);
        content = content.clone();
        Objects.requireNonNull(created);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
