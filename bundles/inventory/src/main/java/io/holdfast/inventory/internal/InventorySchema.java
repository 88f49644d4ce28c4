package io.holdfast.inventory.internal;

import io.holdfast.store.api.Migration;
import java.util.List;

/** The inventory's tables in the kernel database (module {@value #MODULE}). */
final class InventorySchema {
    static final String MODULE = "inventory";

    static final List<Migration> MIGRATIONS = List.of(
            Migration.of(1, "inventory_system table",
                    "CREATE TABLE inventory_system ("
                            + " id VARCHAR(64) NOT NULL PRIMARY KEY,"
                            + " name VARCHAR(200) NOT NULL,"
                            + " ods_code VARCHAR(10),"
                            + " environment VARCHAR(16) NOT NULL,"
                            + " transport VARCHAR(32) NOT NULL,"
                            + " format VARCHAR(64) NOT NULL,"
                            + " endpoint VARCHAR(1024) NOT NULL,"
                            + " auth_pattern VARCHAR(32) NOT NULL,"
                            + " credential_ref VARCHAR(64),"
                            + " owner_contact VARCHAR(256),"
                            + " updated_at TIMESTAMP NOT NULL)",
                    "CREATE INDEX inventory_system_env ON inventory_system (environment)"));

    private InventorySchema() {
    }
}
