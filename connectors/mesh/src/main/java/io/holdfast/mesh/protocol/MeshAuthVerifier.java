package io.holdfast.mesh.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side check of an NHSMESH token, as MESH applies it: well formed, for the mailbox in the
 * path, signed with the mailbox password and the environment's shared key, timestamp within
 * ±2 hours, and nonce never seen before for that mailbox. Thread-safe.
 */
public final class MeshAuthVerifier {
    public static final Duration MAX_SKEW = Duration.ofHours(2);

    /** Why a token was refused; MESH answers 403 for each. */
    public enum Refusal {
        MISSING_OR_MALFORMED("Error reading from Authorization header"),
        MAILBOX_MISMATCH("Mailbox id does not match token"),
        UNKNOWN_MAILBOX("No mailbox matched"),
        INVALID_HASH("Invalid Authentication Token"),
        CLOCK_SKEW("Invalid Authentication Token: timestamp outside the allowed window"),
        NONCE_REUSED("Error Duplicated Authentication Token");

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Looks up a mailbox's password; empty for unknown mailboxes. */
    @FunctionalInterface
    public interface PasswordLookup {
        Optional<String> password(String mailbox);
    }

    private final byte[] sharedKey;
    private final PasswordLookup passwords;
    private final Clock clock;
    private final Map<String, Instant> seenNonces = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.MIN;

    public MeshAuthVerifier(byte[] sharedKey, PasswordLookup passwords, Clock clock) {
        this.sharedKey = sharedKey.clone();
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Empty if the request may proceed, else why it is refused. */
    public Optional<Refusal> verify(String pathMailbox, String authorizationHeader) {
        Optional<MeshAuthToken> parsed = MeshAuthToken.parse(authorizationHeader);
        if (parsed.isEmpty()) {
            return Optional.of(Refusal.MISSING_OR_MALFORMED);
        }
        MeshAuthToken token = parsed.get();
        if (!token.mailbox().equalsIgnoreCase(pathMailbox)) {
            return Optional.of(Refusal.MAILBOX_MISMATCH);
        }
        Optional<String> password = passwords.password(token.mailbox());
        if (password.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_MAILBOX);
        }
        if (!token.signedWith(password.get(), sharedKey)) {
            return Optional.of(Refusal.INVALID_HASH);
        }
        Instant now = clock.instant();
        if (Duration.between(token.time(), now).abs().compareTo(MAX_SKEW) > 0) {
            return Optional.of(Refusal.CLOCK_SKEW);
        }
        forgetOlderThan(now.minus(MAX_SKEW.multipliedBy(2)));
        String nonceKey = token.mailbox().toUpperCase() + ":" + token.nonce() + ":" + token.nonceCount();
        if (seenNonces.putIfAbsent(nonceKey, now) != null) {
            return Optional.of(Refusal.NONCE_REUSED);
        }
        return Optional.empty();
    }

    // A nonce older than the skew window can never be replayed successfully: its timestamp is refused.
    // Pruned at most once a minute, so the check stays O(1) per request.
    private void forgetOlderThan(Instant cutoff) {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastPrune = now;
        for (Iterator<Instant> it = seenNonces.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
