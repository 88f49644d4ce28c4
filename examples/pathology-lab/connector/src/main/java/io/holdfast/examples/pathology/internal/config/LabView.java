package io.holdfast.examples.pathology.internal.config;

import io.holdfast.examples.pathology.internal.transport.PollReport;
import java.util.Optional;

/** A configured lab as the shell sees it (internal service, one per running lab). */
public interface LabView {
    LabSettings settings();

    /** The cursor the next poll asks from ("" = from the lab's start). */
    String cursor();

    /** The latest poll, if one has run. */
    Optional<PollReport> lastPoll();

    /** Rows taken since the lab was started, by claim outcome. */
    io.holdfast.examples.pathology.internal.transport.PollReport.RowCounts totals();

    /** Polls now, on the lab's own thread (never two polls at once), and waits for the report. */
    PollReport pollNow() throws InterruptedException;
}
