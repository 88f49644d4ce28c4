package io.holdfast.benchmarks.kernel;

import io.holdfast.api.kernel.Router;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.journal.internal.JournalConfig;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.keys.internal.KeystoreMasterKeys;
import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * The real kernel wired in plain Java, as the component tests do (IntakeCoreTest): embedded Derby
 * on disk, the real PKCS#12 master keystore, JournalCore, IdempotencyCore and IntakeCore with a
 * router that sends every admission to one target. Component defaults: maxBatch 256, queue 10000.
 */
public final class HoldfastKernel implements AutoCloseable {
    public final KeystoreMasterKeys keys;
    public final JdbcStore store;
    public final JournalCore journal;
    public final IdempotencyCore idempotency;
    public final IntakeCore intake;

    public HoldfastKernel(Path dir) {
        Path data = dir.resolve("holdfast");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"), HexFormat.of().formatHex(secret).toCharArray(), true, data);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        Path derby = data.resolve("derby");
        ds.setDatabaseName(derby.toString());
        ds.setCreateDatabase("create");
        store = new JdbcStore(ds, derby.toString(), Optional.of(derby));
        journal = new JournalCore(store, keys, data, defaults());
        idempotency = new IdempotencyCore(store, journal);
        Router router = (env, event) -> List.of(new Router.Target("adt-to-epr", "epr", true));
        intake = new IntakeCore(journal, idempotency, () -> Optional.of(router), List::of);
    }

    /** JournalConfig's own defaults (the shipped configuration). */
    static JournalConfig defaults() {
        return io.holdfast.journal.internal.JournalConfigs.defaults();
    }

    @Override
    public void close() {
        intake.close();
        journal.close();
        keys.close();
    }
}
