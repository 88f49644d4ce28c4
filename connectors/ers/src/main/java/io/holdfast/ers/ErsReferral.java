package io.holdfast.ers;

import io.holdfast.api.event.Referral;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral as e-RS holds it: the canonical {@link Referral} (UBRN = natural key), plus what e-RS clients need and the
 * canonical model does not carry.
 *
 * @param versionId   {@code meta.versionId}: the {@code If-Match: W/"n"} of review outcomes
 * @param state       e-RS's at-a-glance state ({@code Extension-eRS-ReferralState-1}: BOOKED, AWAITING_TRIAGE,
 *                    REJECTED, …) when e-RS sent one
 * @param attachments the referral's clinical attachments (contained DocumentReferences)
 */
@org.osgi.annotation.versioning.ProviderType
public record ErsReferral(Referral referral, String versionId, Optional<String> state, List<Attachment> attachments) {
    public ErsReferral {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(versionId, "versionId");
        state = state == null ? Optional.empty() : state;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * @param binaryId the id to fetch it by ({@code Binary/<id>} of the attachment's url)
     * @param availability eRS-AvailabilityStatus-1 (AVAILABLE, PENDING, …) when e-RS sent it
     */
    public record Attachment(String binaryId, String title, String contentType, Optional<Long> size, Optional<String> availability) {
        public Attachment {
            Objects.requireNonNull(binaryId, "binaryId");
            title = title == null ? "" : title;
            contentType = contentType == null ? "" : contentType;
            size = size == null ? Optional.empty() : size;
            availability = availability == null ? Optional.empty() : availability;
        }
    }
}
