package io.holdfast.eps.internal.outbox;

import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.spi.OutboundRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an earlier attempt of this very outbox delivery may have created the prescription EPS now reports as a
 * duplicate. The outbox request id is SHA-256 of (natural key, content digest, target), so an earlier attempt with the
 * same request id sent the same content: if it may have landed, EPS holds exactly what we send now.
 *
 * <p>Evidence, from the journal entry of the routed message (the dispatcher's {@code X-Correlation-ID} is
 * {@code journal-<id>}): a SENT stage to this target whose detail names this request id, followed by an outcome that
 * does not rule out delivery — acknowledged, a transient failure this transport marked {@value #MAY_HAVE_LANDED}
 * (504, 502/500, a timeout or broken connection after sending), or no outcome at all (the node stopped mid-flight).
 * A SENT followed by a permanent failure, or by a transient failure marked {@value #NOT_SENT} (connection refused),
 * does not count. When the route replaced X-Correlation-ID the entry cannot be found: then only "attempt > 1" is known,
 * which is taken as evidence (documented in the README as the weaker case).
 */
final class EarlierAttempts {
    static final String MAY_HAVE_LANDED = "[may have landed]";
    static final String NOT_SENT = "[not sent]";
    private static final Pattern JOURNAL_ID = Pattern.compile("journal-(\\d+)");
    private final Journal journal;

    EarlierAttempts(Journal journal) {
        this.journal = journal;
    }

    /** @return the evidence in one line, or empty if no earlier attempt of this request id may have landed */
    Optional<String> mayHaveLanded(OutboundRequest request) {
        Optional<JournalEntry> entry = journalEntry(request);
        if (entry.isEmpty()) {
            return request.attempt() > 1 ? Optional.of("attempt " + request.attempt() + " of request " + request.requestId()
                    + " (the journal entry is not named by X-Correlation-ID; earlier attempts assumed sent)") : Optional.empty();
        }
        List<StageEntry> stages = entry.get().stages().stream().filter(s -> request.target().id().equals(s.systemId())).toList();
        String sentPrefix = "request " + request.requestId() + " ";
        for (int i = 0; i < stages.size(); i++) {
            StageEntry s = stages.get(i);
            if (s.stage() != Stage.SENT || !s.detail().startsWith(sentPrefix)) {
                continue;
            }
            Optional<StageEntry> outcome = i + 1 < stages.size() ? Optional.of(stages.get(i + 1)) : Optional.empty();
            if (outcome.isEmpty() || outcome.get().stage() == Stage.SENT || counts(outcome.get())) {
                return Optional.of("an earlier attempt of request " + request.requestId() + " (" + attemptOf(s.detail()) + ") "
                        + outcome.map(o -> "ended '" + shortly(o.detail()) + "'").orElse("has no recorded outcome"));
            }
        }
        return Optional.empty();
    }

    private static boolean counts(StageEntry outcome) {
        String d = outcome.detail();
        return outcome.stage() == Stage.ACKED || outcome.stage() == Stage.RESPONSE && (d.startsWith("response:") || d.contains(MAY_HAVE_LANDED));
    }

    private Optional<JournalEntry> journalEntry(OutboundRequest request) {
        String correlation = request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Correlation-ID"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse("");
        Matcher m = JOURNAL_ID.matcher(correlation);
        if (!m.matches()) {
            return Optional.empty();
        }
        return journal.find(Long.parseLong(m.group(1)));
    }

    private static String attemptOf(String sentDetail) {
        int at = sentDetail.indexOf("attempt ");
        return at < 0 ? "earlier attempt" : sentDetail.substring(at).split(" ")[0] + " " + sentDetail.substring(at).split(" ")[1];
    }

    private static String shortly(String detail) {
        return detail.length() <= 120 ? detail : detail.substring(0, 117) + "...";
    }
}
