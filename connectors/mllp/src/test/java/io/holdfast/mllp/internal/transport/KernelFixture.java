package io.holdfast.mllp.internal.transport;

import io.holdfast.api.kernel.Router;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** The real kernel (Derby in a temp folder, journal, idempotency, Intake), as bundles/intake's tests assemble it. */
public final class KernelFixture implements AutoCloseable {
    public final JournalCore journal;
    public final IdempotencyCore idempotency;
    public final IntakeCore intake;

    public KernelFixture(Path dir) {
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        JdbcStore store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
        Router router = (env, e) -> List.of(new Router.Target("adt-to-epr", "epr", true));
        intake = new IntakeCore(journal, idempotency, () -> Optional.of(router), List::of);
    }

    @Override
    public void close() {
        intake.close();
        journal.close();
    }
}
