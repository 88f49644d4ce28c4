package io.holdfast.simulator.mesh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESH's check of the {@code Authorization} header, written from the published API:
 * {@code NHSMESH <mailbox>:<nonce>:<nonce_count>:<timestamp>:<hash>} with the timestamp as
 * {@code yyyyMMddHHmm} (UTC) and the hash the lower-case hex HMAC-SHA256, keyed with the
 * environment's shared key, of {@code <mailbox>:<nonce>:<nonce_count>:<password>:<timestamp>}.
 * The mailbox must be the one in the path, the timestamp within two hours of the server's clock,
 * and a nonce may not be presented twice with the same count. Thread-safe.
 */
final class NhsMeshAuthorization {
    static final Duration ALLOWED_SKEW = Duration.ofHours(2);
    private static final String SCHEME = "NHSMESH ";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    /** Why MESH refuses a request (403 each), with the wording of NHS England's MESH sandbox. */
    enum Refusal {
        UNREADABLE("Error reading from Authorization header"),
        NOT_THE_PATH_MAILBOX("Mailbox id does not match token"),
        NO_SUCH_MAILBOX("No mailbox matched"),
        WRONG_HASH("Invalid Authentication Token"),
        OUTSIDE_TIME_WINDOW("Invalid Authentication Token: timestamp more than 2 hours from the server's time"),
        NONCE_ALREADY_USED("Error Duplicated Authentication Token");

        private final String description;

        Refusal(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private record Token(String mailbox, String nonce, String nonceCount, String timestamp, String hash) {
    }

    private final byte[] sharedKey;
    private final Function<String, Optional<String>> passwordOf;
    private final Clock clock;
    private final Map<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private volatile Instant prunedAt = Instant.EPOCH;

    /** @param passwordOf a mailbox's password, empty for a mailbox the simulator does not have */
    NhsMeshAuthorization(byte[] sharedKey, Function<String, Optional<String>> passwordOf, Clock clock) {
        this.sharedKey = sharedKey.clone();
        this.passwordOf = passwordOf;
        this.clock = clock;
    }

    /** Empty when the request may go on, else why it is refused. */
    Optional<Refusal> check(String pathMailbox, Optional<String> header) {
        Optional<Token> read = header.flatMap(NhsMeshAuthorization::read);
        if (read.isEmpty()) {
            return Optional.of(Refusal.UNREADABLE);
        }
        Token token = read.get();
        if (!token.mailbox().equalsIgnoreCase(pathMailbox)) {
            return Optional.of(Refusal.NOT_THE_PATH_MAILBOX);
        }
        Optional<String> password = passwordOf.apply(token.mailbox());
        if (password.isEmpty()) {
            return Optional.of(Refusal.NO_SUCH_MAILBOX);
        }
        byte[] expected = hash(token, password.get()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.hash().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Refusal.WRONG_HASH);
        }
        Instant now = clock.instant();
        if (!withinWindow(token.timestamp(), now)) {
            return Optional.of(Refusal.OUTSIDE_TIME_WINDOW);
        }
        forgetNoncesTooOldToReplay(now);
        String nonce = token.mailbox().toUpperCase(Locale.ROOT) + ":" + token.nonce() + ":" + token.nonceCount();
        return usedNonces.putIfAbsent(nonce, now) == null ? Optional.empty() : Optional.of(Refusal.NONCE_ALREADY_USED);
    }

    private static Optional<Token> read(String header) {
        String value = header.strip();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String[] parts = value.substring(SCHEME.length()).split(":", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[1].isEmpty() || !DIGITS.matcher(parts[2]).matches()
                || parts[3].length() != 12 || !DIGITS.matcher(parts[3]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Token(parts[0], parts[1], parts[2], parts[3], parts[4]));
    }

    private String hash(Token token, String password) {
        String signed = token.mailbox() + ":" + token.nonce() + ":" + token.nonceCount() + ":" + password + ":" + token.timestamp();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    private static boolean withinWindow(String timestamp, Instant now) {
        try {
            Instant at = LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
            return Duration.between(at, now).abs().compareTo(ALLOWED_SKEW) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    // A nonce older than twice the window can only come with a timestamp the window refuses anyway.
    private void forgetNoncesTooOldToReplay(Instant now) {
        if (Duration.between(prunedAt, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        prunedAt = now;
        Instant cutoff = now.minus(ALLOWED_SKEW.multipliedBy(2));
        usedNonces.values().removeIf(seen -> seen.isBefore(cutoff));
    }
}
