package io.holdfast.ers;

import java.util.Objects;
import java.util.Optional;

/** One entry of the provider's 'Referrals for Review' worklist (A008, eRS-FetchWorklist-List-1). */
@org.osgi.annotation.versioning.ProviderType
public record WorklistItem(Ubrn ubrn, Optional<String> priority, Optional<String> specialty, Optional<String> referralType,
                           Optional<String> reviewStatus) {
    public WorklistItem {
        Objects.requireNonNull(ubrn, "ubrn");
        priority = priority == null ? Optional.empty() : priority;
        specialty = specialty == null ? Optional.empty() : specialty;
        referralType = referralType == null ? Optional.empty() : referralType;
        reviewStatus = reviewStatus == null ? Optional.empty() : reviewStatus;
    }
}
