package io.holdfast.mesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshAuthTokenTest {
    static final byte[] KEY = "TestKey".getBytes(StandardCharsets.UTF_8);
    static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void headerFormatAndHmacMatchTheReferenceClient() {
        MeshAuthToken t = MeshAuthToken.create("X26ABC1", "password", KEY, "4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c", 0, AT);
        assertThat(t.timestamp()).isEqualTo("202603011015");
        assertThat(t.header()).startsWith("NHSMESH X26ABC1:4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c:0:202603011015:");
        // hex HMAC-SHA256(key, "mailbox:nonce:count:password:timestamp")
        assertThat(t.hash()).isEqualTo(MeshAuthToken.hmac(KEY, "X26ABC1", "4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c", 0, "password", "202603011015"));
        assertThat(t.hash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(t.toString()).doesNotContain(t.hash());
    }

    /**
     * The same vector pins the MESH simulator's verifier (NhsMeshAuthorizationTest): computed outside Java with
     * Python's reference HMAC, {@code hmac.new(b"TestKey", b"X26ABC1:4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c:0:password:202603011015",
     * hashlib.sha256).hexdigest()}, so neither Java side can agree with the other on a misreading of the published form.
     */
    @Test
    void headerMatchesAVectorComputedOutsideJava() {
        assertThat(MeshAuthToken.create("X26ABC1", "password", KEY, "4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c", 0, AT).header())
                .isEqualTo("NHSMESH X26ABC1:4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c:0:202603011015:"
                        + "be19696a01c2317795d6a4a1963e52bbe382533bd90dddf320d428581c3c58c0");
    }

    @Test
    void parsesWhatItWritesAndRefusesGarbage() {
        MeshAuthToken t = MeshAuthToken.create("X26ABC1", "password", KEY, AT);
        assertThat(MeshAuthToken.parse(t.header())).contains(t);
        assertThat(MeshAuthToken.parse(t.header()).orElseThrow().signedWith("password", KEY)).isTrue();
        assertThat(MeshAuthToken.parse(t.header()).orElseThrow().signedWith("other", KEY)).isFalse();
        assertThat(MeshAuthToken.parse(null)).isEmpty();
        assertThat(MeshAuthToken.parse("Bearer abc")).isEmpty();
        assertThat(MeshAuthToken.parse("NHSMESH a:b:c:d")).isEmpty();
        assertThat(MeshAuthToken.parse("NHSMESH X:n:x:202603011015:h")).isEmpty();
        assertThat(MeshAuthToken.parse("NHSMESH X:n:0:2026-03-01:h")).isEmpty();
    }

    @Test
    void verifierAppliesHashSkewAndSingleUseNonces() {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        MeshAuthVerifier v = new MeshAuthVerifier(KEY, id -> Optional.ofNullable(Map.of("X26ABC1", "password").get(id)), clock);
        MeshAuthToken ok = MeshAuthToken.create("X26ABC1", "password", KEY, "n1", 0, AT);
        assertThat(v.verify("X26ABC1", ok.header())).isEmpty();
        assertThat(v.verify("X26ABC1", ok.header())).contains(MeshAuthVerifier.Refusal.NONCE_REUSED);
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "password", KEY, "n1", 1, AT).header()))
                .as("same nonce, next count").isEmpty();
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "wrong", KEY, AT).header()))
                .contains(MeshAuthVerifier.Refusal.INVALID_HASH);
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "password", "other".getBytes(), AT).header()))
                .contains(MeshAuthVerifier.Refusal.INVALID_HASH);
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "password", KEY, AT.minus(Duration.ofMinutes(121))).header()))
                .contains(MeshAuthVerifier.Refusal.CLOCK_SKEW);
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "password", KEY, AT.plus(Duration.ofMinutes(121))).header()))
                .contains(MeshAuthVerifier.Refusal.CLOCK_SKEW);
        assertThat(v.verify("X26ABC1", MeshAuthToken.create("X26ABC1", "password", KEY, AT.plus(Duration.ofMinutes(119))).header()))
                .isEmpty();
        assertThat(v.verify("X26ABC2", MeshAuthToken.create("X26ABC1", "password", KEY, AT).header()))
                .contains(MeshAuthVerifier.Refusal.MAILBOX_MISMATCH);
        assertThat(v.verify("X26NOPE", MeshAuthToken.create("X26NOPE", "password", KEY, AT).header()))
                .contains(MeshAuthVerifier.Refusal.UNKNOWN_MAILBOX);
        assertThat(v.verify("X26ABC1", null)).contains(MeshAuthVerifier.Refusal.MISSING_OR_MALFORMED);
    }
}
