package io.holdfast.credentials.internal.vault;

import io.holdfast.store.api.Migration;
import java.util.List;

/** The credentials module's tables (module {@value #MODULE}). */
public final class VaultSchema {
    public static final String MODULE = "credentials";

    public static final List<Migration> MIGRATIONS = List.of(
            Migration.of(1, "credential vault and certificate status",
                    "CREATE TABLE credential_version ("
                            + " environment VARCHAR(16) NOT NULL,"
                            + " entry_id VARCHAR(64) NOT NULL,"
                            + " kind VARCHAR(24) NOT NULL,"
                            + " version INTEGER NOT NULL,"
                            + " system_id VARCHAR(64),"
                            + " activate_at TIMESTAMP,"
                            + " imported_at TIMESTAMP NOT NULL,"
                            + " fingerprint VARCHAR(64),"
                            + " key_id VARCHAR(128),"
                            + " sealed ${BINARY} NOT NULL,"
                            + " PRIMARY KEY (environment, entry_id, kind, version))",
                    "CREATE TABLE credential_cert ("
                            + " environment VARCHAR(16) NOT NULL,"
                            + " entry_id VARCHAR(64) NOT NULL,"
                            + " kind VARCHAR(24) NOT NULL,"
                            + " version INTEGER NOT NULL,"
                            + " position INTEGER NOT NULL,"
                            + " subject VARCHAR(1024) NOT NULL,"
                            + " issuer VARCHAR(1024) NOT NULL,"
                            + " serial VARCHAR(128) NOT NULL,"
                            + " not_before TIMESTAMP NOT NULL,"
                            + " not_after TIMESTAMP NOT NULL,"
                            + " fingerprint VARCHAR(64) NOT NULL,"
                            + " PRIMARY KEY (environment, entry_id, kind, version, position))",
                    "CREATE TABLE cert_status ("
                            + " environment VARCHAR(16) NOT NULL,"
                            + " entry_id VARCHAR(64) NOT NULL,"
                            + " kind VARCHAR(24) NOT NULL,"
                            + " version INTEGER NOT NULL,"
                            + " fingerprint VARCHAR(64) NOT NULL,"
                            + " state VARCHAR(16) NOT NULL,"
                            + " changed_at TIMESTAMP NOT NULL,"
                            + " PRIMARY KEY (environment, entry_id, kind, version, fingerprint))"));

    private VaultSchema() {
    }
}
