package io.holdfast.testkit.journal;

import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.testkit.fixture.Await;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the journal holds for one message id, as {@code holdfast:trace} shows it, with assertions whose
 * failure prints the whole trace. Works on any {@link Journal}: a {@code TestKernel}'s or, through a
 * pax-exam injected service, the distribution's.
 *
 * <pre>{@code JournalTrace.of(k.journal(), "MSG1").assertStages(RECEIVED, TRANSFORMED, ROUTED);}</pre>
 */
public final class JournalTrace {
    private final Journal journal;
    private final String messageId;
    private final List<JournalEntry> entries;

    private JournalTrace(Journal journal, String messageId, List<JournalEntry> entries) {
        this.journal = journal;
        this.messageId = messageId;
        this.entries = entries;
    }

    /** The trace as it is now (may be empty). */
    public static JournalTrace of(Journal journal, String messageId) {
        return new JournalTrace(journal, messageId, journal.byMessageId(messageId));
    }

    /** Waits until the message has reached {@code stage} (e.g. ACKED after delivery) and returns the trace then. */
    public static JournalTrace awaitStage(Journal journal, String messageId, Stage stage, Duration timeout) throws InterruptedException {
        Await.until(messageId + " journaled " + stage, timeout, () -> of(journal, messageId).hasStage(stage),
                () -> of(journal, messageId).describe());
        return of(journal, messageId);
    }

    public List<JournalEntry> entries() {
        return entries;
    }

    /** The one journal entry of this message id; fails if there is none or several (a resend journals again). */
    public JournalEntry entry() {
        if (entries.size() != 1) {
            throw new AssertionError("expected one journal entry for " + messageId + ", found " + entries.size() + "\n" + describe());
        }
        return entries.get(0);
    }

    /** The stages of the one entry, in chain order. */
    public List<Stage> stages() {
        return entry().stages().stream().map(StageEntry::stage).toList();
    }

    public boolean hasStage(Stage stage) {
        return entries.stream().flatMap(e -> e.stages().stream()).anyMatch(s -> s.stage() == stage);
    }

    /** The field-level trail recorded for the entry (source path, canonical path, digest or clear value). */
    public List<FieldEntry> fields() {
        return journal.fields(entry().id());
    }

    /** Asserts the entry's stages are exactly these, in this order. */
    public JournalTrace assertStages(Stage... expected) {
        if (!stages().equals(Arrays.asList(expected))) {
            throw new AssertionError("stages of " + messageId + ": expected " + Arrays.toString(expected) + "\n" + describe());
        }
        return this;
    }

    /** Asserts a stage was journaled for this target system (e.g. ROUTED to {@code epr}). */
    public JournalTrace assertStage(Stage stage, String systemId) {
        boolean found = entry().stages().stream().anyMatch(s -> s.stage() == stage && s.systemId().equals(systemId));
        if (!found) {
            throw new AssertionError("no " + stage + " for system " + systemId + " in the trace of " + messageId + "\n" + describe());
        }
        return this;
    }

    /** The trace as text, one stage a line: sequence, stage, system, detail. */
    public String describe() {
        if (entries.isEmpty()) {
            return "(nothing journaled for message id " + messageId + ")";
        }
        return entries.stream().map(JournalTrace::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(JournalEntry e) {
        String head = "journal " + e.id() + " " + e.messageId() + " from " + e.sourceSystem() + " (" + e.channel() + ") "
                + e.eventType().orElse("-") + " " + e.claim().map(Enum::name).orElse("");
        return head + e.stages().stream().map(s -> "\n  #" + s.sequence() + " " + s.stage() + " " + s.systemId() + " " + s.detail())
                .collect(Collectors.joining());
    }
}
