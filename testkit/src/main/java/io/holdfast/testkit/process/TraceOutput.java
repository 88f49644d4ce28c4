package io.holdfast.testkit.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal as {@code holdfast:trace} prints it, read back into entries: what an operator sees is what
 * distribution tests assert on (no back door into the database). For a journal reached through the API
 * (a {@code TestKernel}, or a service injected by pax-exam) use {@link io.holdfast.testkit.journal.JournalTrace}.
 */
public final class TraceOutput {
    private static final Pattern HEADER = Pattern.compile("^Journal id (\\d+)  message (\\S+)  from (\\S+) via (\\S+) .*");
    private static final Pattern EVENT = Pattern.compile("^\\s+event (\\S+)  claim (\\S+)  payload (?:(\\d+) bytes sha256:([0-9a-f]+)|-).*");
    private static final Set<String> STAGES = Set.of("RECEIVED", "TRANSFORMED", "ROUTED", "SENT", "RESPONSE", "ACKED", "REJECTED",
            "DEAD_LETTER");

    /** One journaled message: ids, claim, payload size and digest prefix, and its stages in order. */
    public record Entry(long journalId, String messageId, String source, String channel, String eventType, String claim,
                 Optional<Long> payloadSize, Optional<String> payloadSha256Prefix, List<String> stages) {
        public long count(String stage) {
            return stages.stream().filter(stage::equals).count();
        }
    }

    private TraceOutput() {
    }

    /**
     * @throws IllegalArgumentException if the output is not laid out as {@code holdfast:trace} prints it
     */
    public static List<Entry> parse(String traceOutput) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = traceOutput.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher h = HEADER.matcher(lines[i]);
            if (!h.matches()) {
                continue;
            }
            Matcher e = i + 1 < lines.length ? EVENT.matcher(lines[i + 1]) : null;
            if (e == null || !e.matches()) {
                throw new IllegalArgumentException("unexpected holdfast:trace layout after: " + lines[i]);
            }
            List<String> stages = new ArrayList<>();
            int j = i + 2;
            for (; j < lines.length && !HEADER.matcher(lines[j]).matches(); j++) {
                String[] cells = lines[j].split("\\|");
                if (cells.length > 1 && STAGES.contains(cells[1].trim())) {
                    stages.add(cells[1].trim());
                }
            }
            entries.add(new Entry(Long.parseLong(h.group(1)), h.group(2), h.group(3), h.group(4), e.group(1), e.group(2),
                    Optional.ofNullable(e.group(3)).map(Long::parseLong), Optional.ofNullable(e.group(4)), List.copyOf(stages)));
            i = j - 1;
        }
        return entries;
    }
}
