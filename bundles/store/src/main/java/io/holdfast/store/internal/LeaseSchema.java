package io.holdfast.store.internal;

import io.holdfast.store.api.Migration;
import java.util.List;

/**
 * The kernel's lease table (schema module {@value #MODULE}). A row is never deleted: a released or
 * expired lease keeps its last token, so the next holder's token is always higher than any token
 * handed out before, also across restarts.
 */
final class LeaseSchema {
    static final String MODULE = "leases";

    static final List<Migration> MIGRATIONS = List.of(
            Migration.of(1, "kernel_lease table",
                    "CREATE TABLE kernel_lease ("
                            + " name VARCHAR(200) NOT NULL PRIMARY KEY,"
                            + " holder VARCHAR(200) NOT NULL,"
                            + " token BIGINT NOT NULL,"
                            + " expires_at TIMESTAMP NOT NULL)"));

    private LeaseSchema() {
    }
}
