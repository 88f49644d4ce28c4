package io.holdfast.credentials.internal.vault;

import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.CredentialKind;
import java.util.List;

/** Which kinds of an entry each auth pattern reads; importing anything else for a system would be dead weight. */
public final class PatternKinds {

    private PatternKinds() {
    }

    public static List<CredentialKind> used(AuthPattern pattern) {
        return switch (pattern) {
            case TLS_MUTUAL -> List.of(CredentialKind.KEY_PAIR, CredentialKind.TRUST_ANCHORS);
            case OAUTH2_SIGNED_JWT, CIS2_USER -> List.of(CredentialKind.API_KEY, CredentialKind.JWT_SIGNING_KEY,
                    CredentialKind.TRUST_ANCHORS);
            case ORG_CREDENTIALS -> List.of(CredentialKind.ORG_CREDENTIAL, CredentialKind.SECRET, CredentialKind.KEY_PAIR,
                    CredentialKind.TRUST_ANCHORS);
            case API_KEY -> List.of(CredentialKind.API_KEY, CredentialKind.TRUST_ANCHORS);
            case NONE -> List.of();
        };
    }
}
