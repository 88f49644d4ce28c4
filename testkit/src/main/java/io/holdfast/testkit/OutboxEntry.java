package io.holdfast.testkit;

import java.util.Optional;

/**
 * One outbox row as a test sees it: which journal message it delivers, to which target, in which
 * state (PENDING, LEASED, DONE or DEAD_LETTER, as {@code holdfast:outbox} shows
 * them), after how many attempts, with the last error in clear.
 */
public record OutboxEntry(long id, long journalId, String routeId, String target, String state, int attempts,
                          String requestId, boolean raw, Optional<String> lastError) {
}
