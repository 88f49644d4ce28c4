package io.holdfast.keys.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.keys.internal.KeystoreMasterKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedTextTest {
    private static final String QUOTE = "AE: patient SMITH, JOHN 9434765919 not known";

    @TempDir
    Path data;

    private KeystoreMasterKeys keys;

    @BeforeEach
    void open() {
        keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"), "pass".toCharArray(), true, data);
    }

    @AfterEach
    void close() {
        keys.close();
    }

    @Test
    void sealedTextHidesTheQuoteAndOpensOnlyWithItsBinding() {
        String stored = SealedText.seal(keys, QUOTE, 700, "routing_outbox.last_error:7");
        assertThat(stored).startsWith(SealedText.PREFIX).doesNotContain("SMITH").doesNotContain("9434765919");
        assertThat(SealedText.open(keys, stored, "routing_outbox.last_error:7")).isEqualTo(QUOTE);
        assertThat(SealedText.open(keys, stored, "routing_outbox.last_error:8")).isEqualTo("(text cannot be decrypted: HF-320)");
        assertThat(SealedText.open(keys, SealedText.PREFIX + "%%%", "x")).isEqualTo("(text is damaged: not base64)");
    }

    @Test
    void legacyClearTextNullAndEmptyReadAsTheyAre() {
        assertThat(SealedText.open(keys, "connection refused", "b")).isEqualTo("connection refused");
        assertThat(SealedText.open(keys, null, "b")).isNull();
        assertThat(SealedText.seal(keys, null, 700, "b")).isNull();
        assertThat(SealedText.seal(keys, "", 700, "b")).isEmpty();
    }

    @Test
    void aLongTextIsCutAtACharacterBoundaryToFitTheColumn() {
        String stored = SealedText.seal(keys, "é".repeat(2000), SealedText.BUDGET_FOR_1000, "b");
        assertThat(stored.length()).isLessThanOrEqualTo(1000).isLessThanOrEqualTo(SealedText.storedLength(SealedText.BUDGET_FOR_1000));
        assertThat(SealedText.open(keys, stored, "b")).startsWith("ééé").endsWith("…").doesNotContain("\uFFFD");
    }
}
