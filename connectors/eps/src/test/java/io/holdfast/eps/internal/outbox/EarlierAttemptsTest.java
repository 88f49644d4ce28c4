package io.holdfast.eps.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.eps.internal.codec.EpsCodec;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which earlier attempts count as "may have landed" when EPS reports the prescription id as a duplicate. */
class EarlierAttemptsTest {
    private static final String REQUEST = "033f7e79-47c6-8102-8dc9-d222168f01e6";
    private static final DownstreamSystem TARGET = new DownstreamSystem("eps", "EPS", Optional.empty(), "test", "EPS", EpsCodec.FORMAT,
            "http://127.0.0.1:1/FHIR/R4", AuthPattern.NONE, Optional.empty(), Optional.empty());
    private final List<StageEntry> stages = new ArrayList<>();
    private final Journal journal = (Journal) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Journal.class}, (p, m, a) -> {
        if (m.getName().equals("find") && a[0].equals(7L)) {
            return Optional.of(new JournalEntry(7L, "RX", "epr", "fhir:epr", Instant.EPOCH, "EPS:R4", Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), stages));
        }
        return m.getName().equals("find") ? Optional.empty() : null;
    });
    private final EarlierAttempts earlier = new EarlierAttempts(journal);

    private void stage(Stage stage, String system, String detail) {
        stages.add(new StageEntry(stages.size() + 1, stage, Instant.EPOCH.plusSeconds(stages.size()), system, Optional.empty(), detail,
                Optional.empty()));
    }

    private static OutboundRequest request(int attempt, String correlation) {
        return new OutboundRequest(REQUEST, attempt, TARGET, Payload.of(new byte[0]), Map.of("X-Correlation-ID", correlation),
                new AuthMaterial.None());
    }

    @Test
    void aLostAnswerOrAnAttemptWithoutOutcomeCounts() {
        stage(Stage.SENT, "eps", "request " + REQUEST + " attempt 1 route r outbox 1");
        stage(Stage.RESPONSE, "eps", "transient failure (attempt 1): prescription-order X: HTTP 504 no OperationOutcome issues "
                + EarlierAttempts.MAY_HAVE_LANDED);
        assertThat(earlier.mayHaveLanded(request(2, "journal-7"))).get().asString().contains("attempt 1").contains("HTTP 504");
        stages.clear();
        stage(Stage.SENT, "eps", "request " + REQUEST + " attempt 1 route r outbox 1");
        assertThat(earlier.mayHaveLanded(request(2, "journal-7"))).get().asString().contains("no recorded outcome");
    }

    @Test
    void attemptsThatCannotHaveLandedOrOtherRequestsDoNotCount() {
        stage(Stage.SENT, "eps", "request " + REQUEST + " attempt 1 route r outbox 1");
        stage(Stage.RESPONSE, "eps", "transient failure (attempt 1): cannot connect " + EarlierAttempts.NOT_SENT);
        stage(Stage.SENT, "eps", "request " + REQUEST + " attempt 2 route r outbox 1");
        stage(Stage.RESPONSE, "eps", "permanent failure: EPS refused prescription-order X: HTTP 400 error MISSING_FIELD");
        stage(Stage.SENT, "eps", "request 11111111-47c6-8102-8dc9-d222168f01e6 attempt 1 route r outbox 2");
        stage(Stage.RESPONSE, "eps", "transient failure (attempt 1): HTTP 504 " + EarlierAttempts.MAY_HAVE_LANDED);
        stage(Stage.SENT, "other", "request " + REQUEST + " attempt 1 route r outbox 3");
        assertThat(earlier.mayHaveLanded(request(3, "journal-7"))).isEmpty();
    }

    @Test
    void withoutTheJournalEntryOnlyALaterAttemptCounts() {
        assertThat(earlier.mayHaveLanded(request(1, "route-set-id"))).isEmpty();
        assertThat(earlier.mayHaveLanded(request(2, "route-set-id"))).get().asString().contains("attempt 2");
    }
}
