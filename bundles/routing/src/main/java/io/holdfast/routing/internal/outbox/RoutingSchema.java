package io.holdfast.routing.internal.outbox;

import io.holdfast.store.api.Migration;
import java.util.List;

/**
 * Routing tables. Times are epoch milliseconds. One outbox row per (message event, target); the
 * unique key stops a re-run Intake task from scheduling the same delivery twice. No identity
 * columns: Derby allocates identity values through a system-table sequence whose locks made
 * concurrent inserts time out under load; outbox ids are derived from the journal id instead
 * (see {@link OutboxInserts}), like the journal's own ids.
 */
final class RoutingSchema {
    static final String MODULE = "routing";

    static final List<Migration> MIGRATIONS = List.of(Migration.of(1, "outbox and dead letters",
            "CREATE TABLE routing_outbox (id BIGINT NOT NULL PRIMARY KEY, journal_id BIGINT NOT NULL, kind VARCHAR(8) NOT NULL, "
                    + "route_id VARCHAR(128) NOT NULL, target VARCHAR(128) NOT NULL, key_digest CHAR(64) NOT NULL, "
                    + "content_digest CHAR(64) NOT NULL, ordering_key CHAR(64), request_id CHAR(36) NOT NULL, "
                    + "state VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL, created_at BIGINT NOT NULL, "
                    + "next_attempt_at BIGINT NOT NULL, lease_owner VARCHAR(128), lease_until BIGINT, tracking_id VARCHAR(255), "
                    + "last_error VARCHAR(1000), done_at BIGINT, "
                    + "CONSTRAINT routing_outbox_once UNIQUE (journal_id, key_digest, content_digest, target))",
            "CREATE INDEX routing_outbox_due ON routing_outbox (state, next_attempt_at)",
            "CREATE INDEX routing_outbox_order ON routing_outbox (target, ordering_key, id)",
            "CREATE INDEX routing_outbox_request ON routing_outbox (request_id)",
            "CREATE TABLE routing_dead_letter (outbox_id BIGINT NOT NULL, journal_id BIGINT NOT NULL, "
                    + "route_id VARCHAR(128) NOT NULL, target VARCHAR(128) NOT NULL, attempts INTEGER NOT NULL, "
                    + "reason VARCHAR(1000) NOT NULL, dead_at BIGINT NOT NULL, resolved_at BIGINT, resolved_by VARCHAR(128), "
                    + "resolution VARCHAR(16), PRIMARY KEY (outbox_id, dead_at))",
            "CREATE INDEX routing_dead_letter_open ON routing_dead_letter (resolved_at, target)"));

    private RoutingSchema() {
    }
}
