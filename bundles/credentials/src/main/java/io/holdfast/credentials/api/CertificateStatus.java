package io.holdfast.credentials.api;

import java.util.List;
import java.util.Objects;

/**
 * A monitored certificate: which entry version holds it, which systems use it, and how close it is to
 * expiry. One row of {@code holdfast:certs}.
 */
public record CertificateStatus(String environment, String entryId, CredentialKind kind, int version,
                                EntryVersion.State versionState, List<String> systems, CertificateFacts certificate,
                                long daysLeft, State state) {

    /** Expiry state; thresholds at 90, 30 and 7 days left, EXPIRED at not-after. */
    public enum State {
        OK, EXPIRING_90, EXPIRING_30, EXPIRING_7, EXPIRED;

        /** True if this state is closer to (or past) expiry than {@code other}. */
        public boolean worseThan(State other) {
            return compareTo(other) > 0;
        }
    }

    public CertificateStatus {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(versionState);
        systems = List.copyOf(systems);
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(state);
    }
}
