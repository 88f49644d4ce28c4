package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.kernel.StageRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage detail (free text that may quote a patient) is sealed at rest, read back in clear, and old clear rows still read. */
class StageDetailEncryptionTest {
    private static final String MARKER = "ZZMARKER-SMITH-JOHN-19450101";

    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    TestSurroundings env = new TestSurroundings();
    JournalCore journal;

    @BeforeEach
    void open() {
        ds = JournalFixture.derby(dir);
        journal = env.open(dir, ds);
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void detailIsNotInClearInTheRawDatabaseFilesButTraceShowsIt() throws Exception {
        long id = TestSurroundings.inbound(journal, "M1", "body", "route adt");
        journal.record(new StageRecord(id, Stage.DEAD_LETTER, "epr", Optional.empty(), "AE: unknown patient " + MARKER,
                Optional.empty())).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(journal.find(id).orElseThrow().stages()).extracting(StageEntry::detail)
                .contains("AE: unknown patient " + MARKER, "route adt");
        assertThat(storedDetails()).allSatisfy(d -> assertThat(d).satisfiesAnyOf(
                v -> assertThat(v).isEmpty(), v -> assertThat(v).startsWith(DetailCipher.PREFIX).doesNotContain("unknown")));
        assertThat(journal.verify().intact()).isTrue();

        journal.close();
        journal = null;
        shutdownDerby();
        try (var files = Files.walk(dir.resolve("derby"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(MARKER);
            }
        }
    }

    @Test
    void rowsWrittenInClearBeforeTheUpgradeStillReadAndVerify() throws Exception {
        long id = TestSurroundings.inbound(journal, "M1", "body", "route adt");
        journal.close();
        ChainState head = new JournalReader(ds, new DetailCipher(new TestKeys())).chainState();
        insertLegacyClearStage(head, id, "AA from EPR, legacy clear text");

        journal = env.open(dir, ds);
        journal.record(new StageRecord(id, Stage.ACKED, "epr", Optional.empty(), "after upgrade", Optional.empty()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(journal.find(id).orElseThrow().stages()).extracting(StageEntry::detail)
                .containsExactly("mllp:adt", "route adt", "AA from EPR, legacy clear text", "after upgrade");
        assertThat(storedDetails()).contains("AA from EPR, legacy clear text");
        assertThat(journal.verify().intact()).isTrue();
        assertThat(journal.verify().rowsChecked()).isEqualTo(4);
    }

    @Test
    void aSealedDetailCopiedOntoAnotherRowDoesNotOpenThere() throws Exception {
        DetailCipher cipher = new DetailCipher(new TestKeys());
        String sealed = cipher.seal(7, MARKER);
        assertThat(cipher.open(7, sealed)).isEqualTo(MARKER);
        assertThat(cipher.open(8, sealed)).startsWith("(text cannot be decrypted: HF-320");
    }

    @Test
    void longDetailIsCutToFitTheColumnAtACharacterBoundary() {
        DetailCipher cipher = new DetailCipher(new TestKeys());
        String sealed = cipher.seal(1, "é".repeat(2000));
        assertThat(sealed.length()).isLessThanOrEqualTo(1000);
        assertThat(cipher.open(1, sealed)).startsWith("ééé").endsWith("…").doesNotContain("\uFFFD");
    }

    /** A stage row as the journal wrote it before details were sealed: detail in clear, hashed in clear. */
    private void insertLegacyClearStage(ChainState head, long journalId, String detail) throws SQLException {
        StageRow row = new StageRow(head.lastSeq() + 1, journalId, "ACKED", System.currentTimeMillis(), "epr", "", detail, Optional.empty(), "");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO journal_stage (seq, message_ref, "
                + "stage, at_ms, system_id, credential, detail, canon, row_hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, row.seq());
            ps.setLong(2, journalId);
            ps.setString(3, row.stage());
            ps.setLong(4, row.atMillis());
            ps.setString(5, row.systemId());
            ps.setString(6, "");
            ps.setString(7, detail);
            ps.setString(8, row.canon());
            ps.setString(9, Hashing.link(head.lastHash(), row.canon()));
            ps.executeUpdate();
        }
    }

    private List<String> storedDetails() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT detail FROM journal_stage ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) == null ? "" : rs.getString(1));
            }
            return out;
        }
    }

    private void shutdownDerby() {
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as SQLState 08006.
            assertThat(expected.getSQLState()).isEqualTo("08006");
        }
    }
}
