package io.holdfast.routing.internal.command;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.routing.internal.RoutingFixture;
import io.holdfast.routing.internal.TestRouteConfig;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 11: every routing command fails by throwing one clear line (a non-zero exit for
 * scripts), never by printing an error and returning normally.
 */
class RoutingCommandsTest {
    @TempDir
    Path dir;
    RoutingFixture f;

    @BeforeEach
    void open() {
        f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    ReplayCommand replay(Long id, String target, boolean all) {
        ReplayCommand c = new ReplayCommand();
        c.admin = f.admin;
        c.id = id;
        c.target = target;
        c.all = all;
        return c;
    }

    SkipCommand skip(long id) {
        SkipCommand c = new SkipCommand();
        c.admin = f.admin;
        c.id = id;
        return c;
    }

    OutboxCommand outbox(boolean list, String state, int limit) {
        OutboxCommand c = new OutboxCommand();
        c.store = f.outbox;
        c.routes = f.routes;
        c.list = list;
        c.state = state;
        c.limit = limit;
        return c;
    }

    OutboxRow pendingRow() throws Exception {
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        return f.outbox.byJournalId(r.journalId()).get(0);
    }

    @Test
    void replayOfAnUnknownRowFailsWithOneLine() {
        assertThatThrownBy(() -> replay(424242L, null, false).execute()).isInstanceOf(CommandException.class)
                .hasMessage("replay: HF-500 No outbox row 424242; list rows with holdfast:outbox --list");
    }

    @Test
    void replayOfARowThatIsNotADeadLetterFailsAndChangesNothing() throws Exception {
        OutboxRow row = pendingRow();
        assertThatThrownBy(() -> replay(row.id(), null, false).execute()).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("replay: HF-200 Outbox row " + row.id() + " is PENDING").hasMessageNotContaining("\n");
        assertThat(f.outbox.find(row.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
    }

    @Test
    void replayWithoutAnIdOrTargetAndAllIsAUsageError() {
        assertThatThrownBy(() -> replay(null, null, false).execute()).isInstanceOf(CommandException.class)
                .hasMessageContaining("give either an outbox id, or --target <system> --all");
        assertThatThrownBy(() -> replay(7L, "epr", true).execute()).isInstanceOf(CommandException.class);
        assertThatThrownBy(() -> replay(null, " ", true).execute()).isInstanceOf(CommandException.class);
    }

    @Test
    void replayAndSkipSucceedOnRowsInTheRightState() throws Exception {
        f.transport.behave((req, n, body) -> new DeliveryResult.Permanent("AR", Optional.empty()));
        OutboxRow row = pendingRow();
        assertThat(skip(row.id()).execute()).isNull();
        assertThat(f.outbox.find(row.id()).orElseThrow().state()).isEqualTo(OutboxState.DEAD_LETTER);
        f.transport.behave(io.holdfast.routing.internal.ScriptedTransport.ACK);
        assertThat(replay(row.id(), null, false).execute()).isNull();
        f.startDispatcher();
        await("delivered after replay", () -> f.outbox.find(row.id()).orElseThrow().state() == OutboxState.DONE);
    }

    @Test
    void skipOfARowThatIsNotPendingFails() throws Exception {
        OutboxRow row = pendingRow();
        skip(row.id()).execute();
        assertThatThrownBy(() -> skip(row.id()).execute()).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("skip: HF-200 Outbox row " + row.id() + " is DEAD_LETTER");
        assertThatThrownBy(() -> skip(99L).execute()).isInstanceOf(CommandException.class).hasMessageStartingWith("skip: HF-500");
    }

    @Test
    void outboxRejectsAnUnknownStateABadLimitAndStateWithoutList() {
        assertThatThrownBy(() -> outbox(true, "SENT", 50).execute()).isInstanceOf(CommandException.class)
                .hasMessage("outbox: unknown --state 'SENT'; use PENDING, LEASED, DONE or DEAD_LETTER");
        assertThatThrownBy(() -> outbox(true, null, 0).execute()).isInstanceOf(CommandException.class)
                .hasMessage("outbox: --limit must be 1 to 10000, not 0");
        assertThatThrownBy(() -> outbox(false, "PENDING", 50).execute()).isInstanceOf(CommandException.class)
                .hasMessage("outbox: --state needs --list");
    }

    @Test
    void deadLettersRejectsABadLimit() {
        DeadLettersCommand c = new DeadLettersCommand();
        c.store = f.outbox;
        c.limit = -1;
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessage("deadletters: --limit must be 1 to 10000, not -1");
    }

    @Test
    void aStoreFailureIsOneLineWithItsCode() throws Exception {
        // The table disappearing stands for a store that fails under the command (disk, corruption).
        try (java.sql.Connection c = f.store.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE routing_dead_letter");
        }
        DeadLettersCommand c = new DeadLettersCommand();
        c.store = f.outbox;
        c.limit = 10;
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("deadletters: HF-300 Outbox query failed")
                .hasMessageContaining("nothing was changed").hasMessageNotContaining("\n");
    }
}
