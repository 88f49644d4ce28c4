package io.holdfast.examples.pathology.internal.transport;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one poll: rows taken by claim outcome, the cursor after it, the credential identity
 * the lab accepted, and the error that ended it, if any (one PHI-free line).
 */
public record PollReport(Instant at, int pages, RowCounts rows, String cursor, String credential, Optional<String> error) {

    /** Rows taken, by what Intake made of them. */
    public record RowCounts(int taken, int fresh, int amendments, int duplicates, int stale, int rejected) {
        public static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0);

        public RowCounts plus(RowCounts o) {
            return new RowCounts(taken + o.taken, fresh + o.fresh, amendments + o.amendments, duplicates + o.duplicates, stale + o.stale,
                    rejected + o.rejected);
        }

        @Override
        public String toString() {
            return taken + " rows (" + fresh + " new, " + amendments + " amended, " + duplicates + " duplicate, " + stale + " stale, "
                    + rejected + " rejected)";
        }
    }

    public boolean ok() {
        return error.isEmpty();
    }

    /** One line for health and the shell. */
    public String describe() {
        String cursorText = cursor.isEmpty() ? "(start)" : cursor;
        return error.map(e -> "poll failed at " + at + ": " + e + "; cursor stays " + cursorText + (rows.taken() > 0 ? "; before that " + rows : ""))
                .orElse("polled at " + at + ": " + rows + " in " + pages + " page(s); cursor " + cursorText + "; credential " + credential);
    }
}
