package io.holdfast.examples.pathology.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab's outbound results, in publication order. Each entry has a sequence number (1, 2, ...); a
 * client's cursor is the last sequence it has taken, so a page is "the entries after the cursor". A
 * re-sent or corrected result is a new entry with the same accession number and test code, as a real
 * LIMS re-publishes. Thread-safe.
 */
public final class ResultFeed {
    /** One published entry: its sequence number and its CSV line (CRLF-terminated). */
    public record Entry(long sequence, String csvLine) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Publishes a result; returns its sequence number. */
    public synchronized long publish(LabResultRow row) {
        return append(CsvText.line(row.cells()));
    }

    /**
     * Publishes a line exactly as given (a CRLF is added if missing): how tests put a malformed row into
     * the feed, e.g. an unterminated quote or too few columns.
     */
    public synchronized long publishRawLine(String line) {
        return append(line.endsWith("\n") ? line : line + CsvText.CRLF);
    }

    /** Publishes the entry {@code sequence} again, unchanged (the lab re-sending a result). */
    public synchronized long resend(long sequence) {
        if (sequence < 1 || sequence > entries.size()) {
            throw new IllegalArgumentException("no entry " + sequence + " (feed has " + entries.size() + ")");
        }
        return append(entries.get((int) sequence - 1).csvLine());
    }

    private long append(String line) {
        entries.add(new Entry(entries.size() + 1L, line));
        return entries.size();
    }

    /** Entries after sequence {@code after}, at most {@code limit}. */
    public synchronized List<Entry> after(long after, int limit) {
        int from = (int) Math.min(Math.max(after, 0), entries.size());
        int to = Math.min(entries.size(), from + limit);
        return List.copyOf(entries.subList(from, to));
    }

    public synchronized long lastSequence() {
        return entries.size();
    }
}
