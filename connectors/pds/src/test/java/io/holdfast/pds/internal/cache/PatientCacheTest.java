package io.holdfast.pds.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.pds.PdsRecord;
import io.holdfast.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientCacheTest {
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));

    private static PdsRecord record(String nhs, SensitivityFlag flag) {
        Patient p = new Patient(List.of(Identifier.of(NhsNumber.parse(nhs))), List.of(), Optional.empty(), null, List.of(), List.of(),
                Optional.empty(), flag);
        return new PdsRecord(NhsNumber.parse(nhs), 2, p);
    }

    @Test
    void offByDefaultTtl() {
        PatientCache cache = new PatientCache(Duration.ZERO, 10, clock);
        assertThat(cache.put("int", NhsNumber.parse("9000000009"), record("9000000009", SensitivityFlag.U))).isFalse();
        assertThat(cache.get("int", NhsNumber.parse("9000000009"))).isEmpty();
    }

    @Test
    void keepsUnrestrictedUntilTheTtlPerEnvironment() {
        PatientCache cache = new PatientCache(Duration.ofSeconds(30), 10, clock);
        NhsNumber n = NhsNumber.parse("9000000009");
        cache.put("int", n, record("9000000009", SensitivityFlag.U));

        assertThat(cache.get("int", n)).isPresent();
        assertThat(cache.get("live", n)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get("int", n)).isEmpty();
    }

    @Test
    void neverKeepsRestrictedAndDropsAnEarlierCopy() {
        PatientCache cache = new PatientCache(Duration.ofMinutes(5), 10, clock);
        NhsNumber n = NhsNumber.parse("9000000025");
        cache.put("int", n, record("9000000025", SensitivityFlag.U));
        for (SensitivityFlag f : List.of(SensitivityFlag.R, SensitivityFlag.V, SensitivityFlag.REDACTED, SensitivityFlag.NOT_STATED)) {
            assertThat(cache.put("int", n, record("9000000025", f))).isFalse();
        }
        assertThat(cache.get("int", n)).isEmpty();
        assertThat(cache.holdsRestricted()).isFalse();
    }

    @Test
    void boundedLeastRecentlyUsedFirstAndInvalidated() {
        PatientCache cache = new PatientCache(Duration.ofMinutes(5), 2, clock);
        NhsNumber a = NhsNumber.parse("9000000009");
        NhsNumber b = NhsNumber.parse("9000000033");
        NhsNumber c = NhsNumber.parse("9000000068");
        cache.put("int", a, record(a.value(), SensitivityFlag.U));
        cache.put("int", b, record(b.value(), SensitivityFlag.U));
        cache.get("int", a);
        cache.put("int", c, record(c.value(), SensitivityFlag.U));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("int", b)).isEmpty();
        assertThat(cache.get("int", a)).isPresent();
        cache.invalidate("int", a);
        assertThat(cache.get("int", a)).isEmpty();
    }
}
