package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateFacts;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CertificateStatus.State;
import io.holdfast.credentials.api.EntryVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Computes the expiry state of every certificate of the versions that are or may become active. */
final class ExpiryStates {
    static final Set<EntryVersion.State> MONITORED = EnumSet.of(EntryVersion.State.ACTIVE, EntryVersion.State.PENDING,
            EntryVersion.State.SCHEDULED);

    private ExpiryStates() {
    }

    /** EXPIRED from not-after on; EXPIRING_7/30/90 when that many days or fewer remain; else OK. */
    static State state(Instant notAfter, Instant now) {
        if (!now.isBefore(notAfter)) {
            return State.EXPIRED;
        }
        Duration left = Duration.between(now, notAfter);
        if (left.compareTo(Duration.ofDays(7)) <= 0) {
            return State.EXPIRING_7;
        }
        if (left.compareTo(Duration.ofDays(30)) <= 0) {
            return State.EXPIRING_30;
        }
        if (left.compareTo(Duration.ofDays(90)) <= 0) {
            return State.EXPIRING_90;
        }
        return State.OK;
    }

    /** Whole days left, negative once expired (floor). */
    static long daysLeft(Instant notAfter, Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).getSeconds(), Duration.ofDays(1).getSeconds());
    }

    static List<CertificateStatus> statuses(List<EntryVersion> versions, Instant now) {
        List<CertificateStatus> result = new ArrayList<>();
        for (EntryVersion v : versions) {
            if (!MONITORED.contains(v.state())) {
                continue;
            }
            for (CertificateFacts cert : v.certificates()) {
                result.add(new CertificateStatus(v.environment(), v.entryId(), v.kind(), v.version(), v.state(), v.systems(),
                        cert, daysLeft(cert.notAfter(), now), state(cert.notAfter(), now)));
            }
        }
        return result;
    }
}
