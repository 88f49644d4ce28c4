package io.holdfast.simulator.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.simulator.mesh.NhsMeshAuthorization.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NhsMeshAuthorizationTest {
    static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    /**
     * Computed outside Java, with Python's reference HMAC: {@code hmac.new(b"TestKey",
     * b"X26ABC1:4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c:0:password:202603011015", hashlib.sha256).hexdigest()}.
     * It pins the published construction (field order, key, hex) independently of both Java sides.
     */
    static final String PUBLISHED_FORM = "NHSMESH X26ABC1:4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c:0:202603011015:"
            + "be19696a01c2317795d6a4a1963e52bbe382533bd90dddf320d428581c3c58c0";

    final NhsMeshAuthorization auth = new NhsMeshAuthorization("TestKey".getBytes(StandardCharsets.UTF_8),
            id -> Optional.ofNullable(Map.of("X26ABC1", "password", "X26ABC2", "password").get(id.toUpperCase())),
            Clock.fixed(AT, ZoneOffset.UTC));

    Optional<Refusal> check(String mailbox, String header) {
        return auth.check(mailbox, Optional.ofNullable(header));
    }

    @Test
    void acceptsAHeaderBuiltAsThePublishedApiDescribesOnceOnly() {
        assertThat(check("X26ABC1", PUBLISHED_FORM)).isEmpty();
        assertThat(check("X26ABC1", PUBLISHED_FORM)).contains(Refusal.NONCE_ALREADY_USED);
        assertThat(check("X26ABC1", RawMesh.token("TestKey", "X26ABC1", "password", "4d2a1ea5-2b1f-4c58-a0c6-7f3d3a0e1b2c", 1, AT)))
                .as("the same nonce with the next count").isEmpty();
        assertThat(check("x26abc1", RawMesh.token("TestKey", "X26ABC1", "password", "n-lower", 0, AT)))
                .as("mailbox ids are case-insensitive").isEmpty();
    }

    @Test
    void refusesAWrongHashUnknownOrOtherMailboxAndAClockOutsideTwoHours() {
        assertThat(check("X26ABC1", PUBLISHED_FORM.replace(":be19", ":be18"))).contains(Refusal.WRONG_HASH);
        assertThat(check("X26ABC1", RawMesh.token("TestKey", "X26ABC1", "wrong", "n1", 0, AT))).contains(Refusal.WRONG_HASH);
        assertThat(check("X26ABC1", RawMesh.token("OtherKey", "X26ABC1", "password", "n2", 0, AT))).contains(Refusal.WRONG_HASH);
        assertThat(check("X26ABC2", RawMesh.token("TestKey", "X26ABC1", "password", "n3", 0, AT))).contains(Refusal.NOT_THE_PATH_MAILBOX);
        assertThat(check("X26NOPE", RawMesh.token("TestKey", "X26NOPE", "password", "n4", 0, AT))).contains(Refusal.NO_SUCH_MAILBOX);
        assertThat(check("X26ABC1", RawMesh.token("TestKey", "X26ABC1", "password", "n5", 0, AT.minus(Duration.ofMinutes(121)))))
                .contains(Refusal.OUTSIDE_TIME_WINDOW);
        assertThat(check("X26ABC1", RawMesh.token("TestKey", "X26ABC1", "password", "n6", 0, AT.plus(Duration.ofMinutes(121)))))
                .contains(Refusal.OUTSIDE_TIME_WINDOW);
        assertThat(check("X26ABC1", RawMesh.token("TestKey", "X26ABC1", "password", "n7", 0, AT.plus(Duration.ofMinutes(119)))))
                .isEmpty();
    }

    @Test
    void refusesHeadersThatAreNotNhsmeshTokens() {
        assertThat(check("X26ABC1", null)).contains(Refusal.UNREADABLE);
        assertThat(check("X26ABC1", "Bearer abc")).contains(Refusal.UNREADABLE);
        assertThat(check("X26ABC1", "NHSMESH X26ABC1:n:0:202603011015")).as("four parts").contains(Refusal.UNREADABLE);
        assertThat(check("X26ABC1", "NHSMESH X26ABC1:n:x:202603011015:h")).as("count not digits").contains(Refusal.UNREADABLE);
        assertThat(check("X26ABC1", "NHSMESH X26ABC1:n:0:2026-03-01:h")).as("timestamp not yyyyMMddHHmm").contains(Refusal.UNREADABLE);
        assertThat(check("X26ABC1", PUBLISHED_FORM.substring("NHSMESH ".length()))).as("no scheme").contains(Refusal.UNREADABLE);
    }
}
