package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.keys.api.SealedText;
import io.holdfast.routing.internal.outbox.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbox row's last error and a dead letter's reason can quote a patient (a downstream echoing
 * demographics), so they are sealed at rest, shown in clear to the APIs, and rows written in clear
 * before the upgrade still read.
 */
class OutboxTextAtRestTest {
    private static final String MARKER = "ZZMARKER-JONES-MARY-19610203";

    @TempDir
    Path dir;
    RoutingFixture f;

    @BeforeEach
    void open() {
        f = new RoutingFixture(dir).route("adt-to-epr", TestRouteConfig.to("epr"));
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aDeadLetterReasonQuotingAPatientIsNotInClearInTheRawDatabaseFiles() throws Exception {
        f.transport.behave((req, n, b) -> new DeliveryResult.Permanent("AR: no such patient " + MARKER, Optional.empty()));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("dead letter", () -> f.outbox.deadLetters(Optional.empty(), false, 10).size() == 1);

        assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("permanent failure: AR: no such patient " + MARKER));
        OutboxRow row = f.outbox.byJournalId(r.journalId()).get(0);
        assertThat(row.lastError()).contains("permanent failure: AR: no such patient " + MARKER);
        assertThat(stored("SELECT last_error FROM routing_outbox UNION ALL SELECT reason FROM routing_dead_letter"))
                .hasSize(2).allSatisfy(v -> assertThat(v).startsWith(SealedText.PREFIX).doesNotContain("patient"));

        f.close();
        f = null;
        shutdownDerby();
        try (var files = Files.walk(dir.resolve("derby"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(MARKER);
            }
        }
    }

    @Test
    void clearTextWrittenBeforeTheUpgradeStillReads() throws Exception {
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        long outboxId = f.outbox.byJournalId(r.journalId()).get(0).id();
        update("UPDATE routing_outbox SET last_error = 'connection refused (legacy)' WHERE id = " + outboxId);
        update("INSERT INTO routing_dead_letter (outbox_id, journal_id, route_id, target, attempts, reason, dead_at) VALUES ("
                + outboxId + ", " + r.journalId() + ", 'adt-to-epr', 'epr', 3, 'gave up (legacy clear)', 1000)");

        assertThat(f.outbox.find(outboxId).orElseThrow().lastError()).contains("connection refused (legacy)");
        assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("gave up (legacy clear)"));
    }

    private List<String> stored(String sql) throws SQLException {
        try (Connection c = f.store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection c = f.store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private void shutdownDerby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("derby").toString());
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as SQLState 08006.
            assertThat(expected.getSQLState()).isEqualTo("08006");
        }
    }
}
