package io.holdfast.http.internal.jwt;

import java.util.Optional;

/** What an accepted token says about its caller. */
public record JwtClaims(String subject, Optional<String> keyId) {
}
