package io.holdfast.credentials.internal.monitor;

import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.CredentialKind;

/** Identifies one monitored certificate of one version. */
record StatusKey(String environment, String entryId, CredentialKind kind, int version, String fingerprint) {

    static StatusKey of(CertificateStatus s) {
        return new StatusKey(s.environment(), s.entryId(), s.kind(), s.version(), s.certificate().fingerprint());
    }
}
