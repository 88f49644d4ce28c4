package io.holdfast.idempotency.internal;

import io.holdfast.store.api.Migration;
import java.util.List;

/** The idempotency table: one row per natural key, identified by its keyed digest only. */
final class IdempotencySchema {
    static final String MODULE = "idempotency";

    static final List<Migration> MIGRATIONS = List.of(Migration.of(1, "idempotency keys",
            "CREATE TABLE idempotency_key (key_digest CHAR(64) NOT NULL PRIMARY KEY, event_type VARCHAR(128) NOT NULL, "
                    + "content_digest CHAR(64) NOT NULL, occurred_at BIGINT, first_message_id VARCHAR(255) NOT NULL, "
                    + "last_message_id VARCHAR(255) NOT NULL, amendments INTEGER NOT NULL, first_seen BIGINT NOT NULL, "
                    + "last_seen BIGINT NOT NULL)"));

    private IdempotencySchema() {
    }
}
