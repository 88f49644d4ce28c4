package io.holdfast.journal.internal;

import io.holdfast.store.api.Migration;
import java.util.List;

/**
 * Journal tables. Times are epoch milliseconds (exact across databases and time zones, and part
 * of the hashed canonical form). No foreign keys: rows are only ever inserted by the single
 * writer in one transaction per batch, and constraint checks would cost every insert. Version 2
 * adds the tables retention needs (see {@link Checkpoints}, {@link JournalRetention}).
 */
final class JournalSchema {
    static final String MODULE = "journal";

    static final List<Migration> MIGRATIONS = List.of(Migration.of(1, "journal tables",
            "CREATE TABLE journal_message (id BIGINT NOT NULL PRIMARY KEY, message_id VARCHAR(255) NOT NULL, "
                    + "correlation_id VARCHAR(255), source_system VARCHAR(128) NOT NULL, channel VARCHAR(128) NOT NULL, "
                    + "received_at BIGINT NOT NULL, wire_format VARCHAR(64) NOT NULL, payload_ref VARCHAR(255), "
                    + "payload_size BIGINT, payload_sha256 CHAR(64))",
            "CREATE INDEX journal_message_mid ON journal_message (message_id)",
            "CREATE INDEX journal_message_src ON journal_message (source_system, id)",
            "CREATE TABLE journal_event (message_ref BIGINT NOT NULL, idx INTEGER NOT NULL, event_type VARCHAR(128) NOT NULL, "
                    + "key_digest CHAR(64) NOT NULL, nhs_digest CHAR(64), claim VARCHAR(16) NOT NULL, PRIMARY KEY (message_ref, idx))",
            "CREATE INDEX journal_event_key ON journal_event (key_digest)",
            "CREATE INDEX journal_event_nhs ON journal_event (nhs_digest)",
            "CREATE TABLE journal_stage (seq BIGINT NOT NULL PRIMARY KEY, message_ref BIGINT NOT NULL, stage VARCHAR(16) NOT NULL, "
                    + "at_ms BIGINT NOT NULL, system_id VARCHAR(128) NOT NULL, credential VARCHAR(255), detail VARCHAR(1000), "
                    + "payload_ref VARCHAR(255), payload_size BIGINT, payload_sha256 CHAR(64), canon VARCHAR(2400) NOT NULL, "
                    + "row_hash CHAR(64) NOT NULL)",
            "CREATE INDEX journal_stage_msg ON journal_stage (message_ref)",
            "CREATE INDEX journal_stage_sys ON journal_stage (system_id, stage)",
            "CREATE TABLE journal_field (message_ref BIGINT NOT NULL, stage_seq BIGINT NOT NULL, part INTEGER NOT NULL, "
                    + "body VARCHAR(30000) NOT NULL, PRIMARY KEY (stage_seq, part))",
            "CREATE INDEX journal_field_msg ON journal_field (message_ref)"),
            Migration.of(2, "retention: signed chain checkpoints and pruned payload files",
                    "CREATE TABLE journal_checkpoint (pruned_to_seq BIGINT NOT NULL PRIMARY KEY, row_hash CHAR(64) NOT NULL, "
                            + "last_journal_id BIGINT NOT NULL, pruned_at BIGINT NOT NULL, mac CHAR(64) NOT NULL)",
                    "CREATE TABLE journal_pruned_payload (container VARCHAR(255) NOT NULL PRIMARY KEY, pruned_at BIGINT NOT NULL)"));

    private JournalSchema() {
    }
}
