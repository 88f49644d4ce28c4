package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.internal.config.PdsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restricted record whose answer still carries address, telecom and GP (as a PDS bug or a future access mode could
 * send it): the connector strips them before anything sees them, never caches the record, and neither the journal's
 * decrypted payload nor any byte of the raw store (Derby files, payload segments) holds them. An unrestricted record
 * with the same fields is the control: it is cached and its journaled payload does hold them, so the checks can fail.
 */
class RestrictedRecordsTest {
    static final List<String> SECRETS = List.of("Secret Lane", "ZZ1 9ZZ", "07700900123", "Y99999");
    @TempDir
    Path dir;

    @Test
    void restrictedFieldsNeverLeaveTheConnectorAreNeverCachedAndNeverStoredInClear() throws Exception {
        try (StubPds stub = new StubPds();
             PdsFixture pds = PdsFixture.start(dir, stub.baseUrl(), PdsSettings.defaults(PdsFixture.SYSTEM).withCache(Duration.ofHours(1), 100))) {
            stub.then(200, StubPds.patient("9000000025", "R", 3), Map.of("ETag", "W/\"3\""));
            stub.then(200, StubPds.patient("9000000084", "V", 1), Map.of());
            stub.then(200, StubPds.patient("9000000009", "U", 2), Map.of());

            RetrieveResult.Found r = (RetrieveResult.Found) pds.client.retrieve(NhsNumber.parse("9000000025"));
            RetrieveResult.Found v = (RetrieveResult.Found) pds.client.retrieve(NhsNumber.parse("9000000084"));
            RetrieveResult.Found u = (RetrieveResult.Found) pds.client.retrieve(NhsNumber.parse("9000000009"));

            for (RetrieveResult.Found f : List.of(r, v)) {
                assertThat(f.record().restricted()).isTrue();
                assertThat(f.record().patient().addresses()).isEmpty();
                assertThat(f.record().patient().telecom()).isEmpty();
                assertThat(f.record().patient().gpPractice()).isEmpty();
            }
            assertThat(u.record().patient().addresses()).isNotEmpty();
            assertThat(pds.client.cache().size()).isEqualTo(1);
            assertThat(pds.client.cache().holdsRestricted()).isFalse();

            List<JournalEntry> calls = pds.calls();
            assertThat(payloadOf(pds, calls.get(2))).doesNotContain(SECRETS).contains("Smythe");
            assertThat(payloadOf(pds, calls.get(1))).doesNotContain(SECRETS);
            assertThat(payloadOf(pds, calls.get(0))).contains(SECRETS);
        }
        // the raw store after the kernel closed: every file of the kernel's folder, byte for byte
        assertThat(rawStoreText(dir)).doesNotContain(SECRETS);
    }

    private static String payloadOf(PdsFixture pds, JournalEntry e) throws IOException {
        try (InputStream in = pds.kernel.journal().openPayload(e.payload().orElseThrow())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String rawStoreText(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_16BE));
            }
        }
        return all.toString();
    }
}
