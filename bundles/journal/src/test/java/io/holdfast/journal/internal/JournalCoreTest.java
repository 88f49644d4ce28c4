package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageRecord;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.journal.api.WriteBatch.EventRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCoreTest {
    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    JournalCore journal;

    @BeforeEach
    void open() {
        ds = JournalFixture.derby(dir);
        journal = JournalFixture.open(dir, ds);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private long inbound(String messageId, String nhs, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        JournalCore.StagedPayload staged = journal.stage(Payload.of(bytes));
        Envelope env = Envelope.of(messageId, "pas", "mllp:adt", WireFormat.hl7v2("2.4"));
        return journal.submit(b -> {
            long id = b.addMessage(env, Optional.of(staged.write(b)));
            b.addTransformed(id, "pas", "ADT^A01", List.of(new EventRecord("Admission", journal.digest("k|" + messageId),
                    Optional.of(journal.digest(nhs)), ClaimOutcome.NEW)),
                    List.of(new FieldMapping("PID-3[1].1", "patient.nhsNumber", "", nhs), new FieldMapping("PID-8", "patient.gender", "", "F")));
            b.addStage(id, Stage.ROUTED, "epr", Optional.empty(), "route adt-to-epr", Optional.empty(), "");
            return id;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void journalsAndFindsByMessageIdNhsNumberAndSystem() throws Exception {
        long id = inbound("MSG1", "9449305552", "MSH|^~\\&|PAS\rPID|||9449305552^^^NHS^NH\r");
        List<JournalEntry> byMid = journal.byMessageId("MSG1");
        assertThat(byMid).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.eventType()).contains("Admission");
            assertThat(e.claim()).contains(ClaimOutcome.NEW);
            assertThat(e.stages()).extracting(s -> s.stage()).containsExactly(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED);
        });
        assertThat(journal.byNhsNumber(NhsNumber.parse("944 930 5552"))).extracting(JournalEntry::id).containsExactly(id);
        assertThat(journal.bySystem("epr", 10)).extracting(JournalEntry::id).containsExactly(id);
        assertThat(journal.inFlight(10)).extracting(JournalEntry::id).containsExactly(id);
        journal.record(new StageRecord(id, Stage.ACKED, "epr", Optional.of(new CredentialIdentity("epr-cert", 2, Optional.of("ab12"), Optional.empty())),
                "AA", Optional.of(Payload.of("MSA|AA|MSG1".getBytes(StandardCharsets.UTF_8))))).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(journal.inFlight(10)).isEmpty();
        assertThat(journal.find(id).orElseThrow().lastStage().orElseThrow().credential()).contains("epr-cert@v2 sha256:ab12");
        assertThat(journal.counts().messages()).isEqualTo(1);
    }

    @Test
    void theSendersAuthenticatedIdentityIsTheReceivedStagesCredentialAndInTheChain() throws Exception {
        Envelope env = new Envelope("MSG-AUTH", Optional.empty(), "lab", "fhir:results", java.time.Instant.now(),
                WireFormat.hl7v2("2.4"), java.util.Map.of(Envelope.ATTR_AUTH_IDENTITY, "CN=lab.trust.nhs.uk sha256:" + "a".repeat(300)));
        long id = journal.submit(b -> b.addMessage(env, Optional.empty())).get(10, TimeUnit.SECONDS);
        long plain = journal.submit(b -> b.addMessage(Envelope.of("MSG-PLAIN", "pas", "mllp:adt", WireFormat.hl7v2("2.4")),
                Optional.empty())).get(10, TimeUnit.SECONDS);

        assertThat(journal.find(id).orElseThrow().stages()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(Stage.RECEIVED);
            assertThat(s.credential()).hasValueSatisfying(c -> assertThat(c).startsWith("CN=lab.trust.nhs.uk sha256:aaa").hasSize(255));
        });
        assertThat(journal.find(plain).orElseThrow().stages().get(0).credential().filter(c -> !c.isEmpty())).isEmpty();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE journal_stage SET credential = 'CN=someone-else' WHERE message_ref = " + id);
        }
        assertThat(journal.verify().intact()).isFalse();
    }

    @Test
    void fieldValuesAreDigestsUnlessPolicyAllowsClear() throws Exception {
        long id = inbound("MSG1", "9449305552", "x");
        assertThat(journal.fields(id)).hasSize(2).anySatisfy(f -> {
            assertThat(f.canonicalPath()).isEqualTo("patient.nhsNumber");
            assertThat(f.clearValue()).isEmpty();
            assertThat(f.valueDigest()).isEqualTo(journal.digest("9449305552"));
        }).anySatisfy(f -> assertThat(f.clearValue()).contains("F"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT body FROM journal_field")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain("9449305552");
        }
    }

    @Test
    void payloadsAreEncryptedAtRestAndReadBack() throws Exception {
        long id = inbound("MSG1", "9449305552", "PID|||9449305552^^^NHS^NH");
        PayloadInfo p = journal.find(id).orElseThrow().payload().orElseThrow();
        try (InputStream in = journal.openPayload(p)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("PID|||9449305552^^^NHS^NH");
        }
        try (var files = Files.list(dir.resolve("payloads"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("9449305552");
            }
        }
    }

    @Test
    void payloadSegmentsArePreallocatedRollAndRestartInANewSegment() throws Exception {
        List<Long> ids = new ArrayList<>();
        String body = "x".repeat(50_000);
        for (int i = 0; i < 45; i++) {
            ids.add(inbound("S" + i, "9449305552", body + i));
        }
        String lastBefore = journal.find(ids.get(44)).orElseThrow().payload().orElseThrow().ref().split(":")[1];
        journal.close();
        journal = JournalFixture.open(dir, ds);
        ids.add(inbound("after-restart", "9449305552", "tail"));
        try (var files = Files.list(dir.resolve("payloads"))) {
            List<Path> segments = files.filter(p -> p.getFileName().toString().endsWith(".hfp")).sorted().toList();
            assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Files.size(segments.get(0))).isEqualTo(1 << 20);
        }
        for (int i = 0; i < ids.size(); i++) {
            PayloadInfo p = journal.find(ids.get(i)).orElseThrow().payload().orElseThrow();
            try (InputStream in = journal.openPayload(p)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(i < 45 ? body + i : "tail");
            }
        }
        assertThat(journal.find(ids.get(45)).orElseThrow().payload().orElseThrow().ref())
                .startsWith("s:" + (Integer.parseInt(lastBefore) + 1) + ":4:");
    }

    @Test
    void largePayloadsStreamToTheirOwnFile() throws Exception {
        Path big = dir.resolve("big.bin");
        byte[] chunk = new byte[1 << 20];
        new java.util.Random(7).nextBytes(chunk);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 5; i++) {
                out.write(chunk);
            }
        }
        JournalCore.StagedPayload staged = journal.stage(Payload.ofFile(big));
        assertThat(staged.large().ref()).startsWith("f:");
        try (InputStream in = journal.openPayload(staged.large())) {
            assertThat(in.readAllBytes()).hasSize(5 << 20).startsWith(java.util.Arrays.copyOf(chunk, 64));
        }
    }

    @Test
    void chainIsIntactAndNamesEditedDeletedOrReorderedRows() throws Exception {
        for (int i = 0; i < 5; i++) {
            inbound("M" + i, "9449305552", "body" + i);
        }
        assertThat(journal.verify().intact()).isTrue();
        assertThat(journal.verify().rowsChecked()).isEqualTo(15);
        exec("UPDATE journal_stage SET detail = 'edited' WHERE seq = 5");
        assertThat(journal.verify().firstBrokenRow()).contains(5L);
        assertThat(journal.verify().problem().orElseThrow()).contains("edited");
    }

    @Test
    void deletedRowIsNamed() throws Exception {
        for (int i = 0; i < 3; i++) {
            inbound("M" + i, "9449305552", "body" + i);
        }
        exec("DELETE FROM journal_stage WHERE seq = 4");
        assertThat(journal.verify().firstBrokenRow()).contains(5L);
        assertThat(journal.verify().problem().orElseThrow()).contains("row 4 missing");
    }

    @Test
    void reorderedRowsAreNamed() throws Exception {
        for (int i = 0; i < 3; i++) {
            inbound("M" + i, "9449305552", "body" + i);
        }
        exec("UPDATE journal_stage SET seq = 100 WHERE seq = 4");
        exec("UPDATE journal_stage SET seq = 4 WHERE seq = 5");
        exec("UPDATE journal_stage SET seq = 5 WHERE seq = 100");
        assertThat(journal.verify().firstBrokenRow()).contains(4L);
    }

    @Test
    void editedMessageRowIsNamedThroughItsReceivedStage() throws Exception {
        inbound("M0", "9449305552", "a");
        inbound("M1", "9449305552", "b");
        exec("UPDATE journal_message SET source_system = 'other' WHERE id = 2");
        assertThat(journal.verify().firstBrokenRow()).contains(4L);
        assertThat(journal.verify().problem().orElseThrow()).contains("journal id 2");
    }

    @Test
    void concurrentSubmissionsAreGroupCommitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            futures.add(CompletableFuture.supplyAsync(() -> journal.submit(b ->
                    b.addMessage(Envelope.of("C" + n, "pas", "t", WireFormat.opaque()), Optional.empty())).join(), pool));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(journal.tasksWritten()).isEqualTo(400);
        assertThat(journal.commits()).isLessThan(400);
        assertThat(futures.stream().map(CompletableFuture::join).distinct()).hasSize(400);
        assertThat(journal.verify().intact()).isTrue();
    }

    @Test
    void aFailingTaskFailsAloneAndTheChainStaysIntact() throws Exception {
        CompletableFuture<Long> good1 = journal.submit(b -> b.addMessage(Envelope.of("G1", "pas", "t", WireFormat.opaque()), Optional.empty()));
        CompletableFuture<Long> bad = journal.submit(b -> {
            b.addMessage(Envelope.of("B", "pas", "t", WireFormat.opaque()), Optional.empty());
            throw new java.sql.SQLException("boom");
        });
        CompletableFuture<Long> good2 = journal.submit(b -> b.addMessage(Envelope.of("G2", "pas", "t", WireFormat.opaque()), Optional.empty()));
        assertThat(good1.get(10, TimeUnit.SECONDS)).isPositive();
        assertThat(good2.get(10, TimeUnit.SECONDS)).isPositive();
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasMessageContaining("boom");
        assertThat(journal.byMessageId("B")).isEmpty();
        assertThat(journal.verify().intact()).isTrue();
    }

    @Test
    void aDatabaseBehindItsWatermarkIsRefused() throws Exception {
        inbound("M0", "9449305552", "a");
        inbound("M1", "9449305552", "b");
        journal.close();
        exec("DELETE FROM journal_stage WHERE seq > 3");
        assertThatThrownBy(() -> JournalFixture.open(dir, ds))
                .isInstanceOfSatisfying(HoldfastException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_CORRUPT);
                    assertThat(e.getMessage()).contains("ends at row 3").contains("up to 6");
                });
        journal = JournalFixture.open(dir.resolve("other"), JournalFixture.derby(dir.resolve("other")));
    }

    @Test
    void restartContinuesTheChain() throws Exception {
        inbound("M0", "9449305552", "a");
        journal.close();
        journal = JournalFixture.open(dir, ds);
        inbound("M1", "9449305552", "b");
        assertThat(journal.verify().intact()).isTrue();
        assertThat(journal.verify().rowsChecked()).isEqualTo(6);
    }

    private void exec(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
