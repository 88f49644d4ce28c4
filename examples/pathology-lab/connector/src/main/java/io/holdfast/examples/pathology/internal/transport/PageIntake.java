package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.EventOutcome;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageRecord;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.examples.pathology.internal.codec.CsvReader;
import io.holdfast.examples.pathology.internal.codec.LabCsvRow;
import io.holdfast.examples.pathology.internal.codec.ResultColumns;
import io.holdfast.examples.pathology.internal.codec.ResultRowCodec;
import io.holdfast.examples.pathology.internal.config.LabSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one page to {@link Intake}: each row is its own message (header + row as the payload, decoded by
 * {@link ResultRowCodec} or rejected with its row number), all submitted at once so Intake can commit
 * them in one batch, then waited for. The page counts as taken only when every row is durable, stored
 * or rejected: if Intake refused any, {@link #take} throws and the caller keeps the cursor, so the page
 * is asked for again (rows already stored come back as duplicates). A page whose header is unusable is
 * kept whole as one rejected message.
 *
 * <p>Which credential fetched a row is journaled as a RESPONSE stage on each stored message (credential
 * identity, request, try): Intake journals no envelope attributes, and {@link Journal#record} is the API's
 * only way to journal a {@link io.holdfast.api.spi.CredentialIdentity}. It is part of taking the page: if it
 * cannot be written the cursor stays, and the re-read rows (duplicates) get it.
 */
final class PageIntake {
    static final String BAD_HEADER = "BAD_HEADER";
    static final Duration INTAKE_WAIT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(PageIntake.class);
    private final LabSettings settings;
    private final Intake intake;
    private final Journal journal;
    private final ResultRowCodec codec;

    PageIntake(LabSettings settings, Intake intake, Journal journal) {
        this.settings = settings;
        this.intake = intake;
        this.journal = journal;
        this.codec = new ResultRowCodec(settings.accessionAuthority(), settings.timeZone());
    }

    /** What the page came with: the system, the request (origin and path), the cursor asked from, the page, who fetched it and when. */
    record Source(String systemId, String request, String since, ResultFetcher.Fetched fetched, Instant receivedAt) {
    }

    PollReport.RowCounts take(Source source) {
        String text = new String(source.fetched().page().body(), StandardCharsets.UTF_8);
        ResultColumns.Page page = ResultColumns.page(CsvReader.read(text));
        List<CompletableFuture<IntakeReceipt>> stored = new ArrayList<>();
        if (page.headerProblem().isPresent()) {
            DecodeResult rejected = DecodeResult.rejected(BAD_HEADER, "page after cursor '" + source.since() + "': "
                    + page.headerProblem().get());
            stored.add(submit(envelope(source, "page", Map.of()), Payload.of(source.fetched().page().body()), rejected, new FieldTrail()));
        }
        for (LabCsvRow row : page.rows()) {
            FieldTrail trail = new FieldTrail();
            Envelope envelope = envelope(source, "r" + row.number(), Map.of("lab.row", Integer.toString(row.number())));
            stored.add(submit(envelope, Payload.of(row.payload()), codec.decode(row, envelope, trail), trail));
        }
        return counted(stored, page.rows().size(), source);
    }

    private CompletableFuture<IntakeReceipt> submit(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        try {
            return intake.accept(envelope, payload, decoded, trail).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Message id {@code pathology:<lab>:<since>:r<row>}: the same row of the same page gets the same id when
     * the page is asked for again, so the journal shows the retry as such.
     */
    private Envelope envelope(Source source, String part, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(extra);
        attributes.put("lab.since", source.since());
        attributes.put("lab.nextCursor", source.fetched().page().nextCursor());
        // which vault credential made the call: entry, version, fingerprint or key id; never the key
        attributes.put("lab.credential", source.fetched().identity().describe());
        String id = settings.channel() + ":" + (source.since().isEmpty() ? "start" : source.since()) + ":" + part;
        return new Envelope(id, Optional.of(source.fetched().page().nextCursor()), source.systemId(), settings.channel(),
                source.receivedAt(), ResultRowCodec.FORMAT, attributes);
    }

    private PollReport.RowCounts counted(List<CompletableFuture<IntakeReceipt>> stored, int rows, Source source) {
        awaitAll(stored);
        int fresh = 0;
        int amended = 0;
        int duplicate = 0;
        int stale = 0;
        int rejected = 0;
        List<Throwable> refused = new ArrayList<>();
        for (CompletableFuture<IntakeReceipt> f : stored) {
            if (f.isCompletedExceptionally()) {
                refused.add(cause(f));
                continue;
            }
            IntakeReceipt receipt = f.join();
            if (receipt.rejected()) {
                rejected++;
                LOG.warn("Pathology lab {}: a row after cursor '{}' was rejected and kept as journal {}", settings.name(), source.since(),
                        receipt.journalId());
            }
            for (EventOutcome e : receipt.events()) {
                switch (e.claim()) {
                    case NEW -> fresh++;
                    case AMENDMENT -> amended++;
                    case DUPLICATE -> duplicate++;
                    case STALE -> stale++;
                }
            }
        }
        if (!refused.isEmpty()) {
            throw refusal(refused, stored.size(), source);
        }
        recordCredential(stored, source);
        return new PollReport.RowCounts(rows, fresh, amended, duplicate, stale, rejected);
    }

    private void recordCredential(List<CompletableFuture<IntakeReceipt>> stored, Source source) {
        String detail = "GET " + source.request() + " after cursor '" + source.since() + "': HTTP 200, next cursor '"
                + source.fetched().page().nextCursor() + "', try " + source.fetched().attempts();
        List<CompletableFuture<Long>> written = new ArrayList<>();
        for (CompletableFuture<IntakeReceipt> f : stored) {
            StageRecord stage = new StageRecord(f.join().journalId(), Stage.RESPONSE, source.systemId(),
                    Optional.of(source.fetched().identity()), detail, Optional.empty());
            try {
                written.add(journal.record(stage).toCompletableFuture());
            } catch (RuntimeException e) {
                written.add(CompletableFuture.failedFuture(e));
            }
        }
        try {
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(INTAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "the rows after cursor '" + source.since() + "' are stored but the "
                    + "credential that fetched them could not be journaled (" + e.getClass().getSimpleName() + "); the cursor stays and "
                    + "the page is asked for again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN, "stopped while journaling the page");
        }
    }

    private static void awaitAll(List<CompletableFuture<IntakeReceipt>> stored) {
        try {
            CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).get(INTAKE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // one row refused: the others are inspected one by one below
        } catch (TimeoutException e) {
            throw new IntakeRefusedException(IntakeRefusedException.Reason.STORE_UNAVAILABLE, "Intake did not confirm the page within "
                    + INTAKE_WAIT + "; the cursor stays and the page is asked for again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN, "stopped while waiting for Intake");
        }
    }

    private static Throwable cause(CompletableFuture<IntakeReceipt> f) {
        try {
            f.join();
            throw new IllegalStateException("not failed");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static RuntimeException refusal(List<Throwable> refused, int rows, Source source) {
        Throwable first = refused.get(0);
        String why = first instanceof IntakeRefusedException r ? r.getMessage()
                : first.getClass().getSimpleName() + (first.getMessage() == null ? "" : ": " + first.getMessage());
        String text = refused.size() + " of " + rows + " messages of the page after cursor '" + source.since() + "' were not stored ("
                + why + "); the cursor stays and the page is asked for again";
        return first instanceof IntakeRefusedException r ? new IntakeRefusedException(r.reason(), text, first)
                : new IntakeRefusedException(IntakeRefusedException.Reason.STORE_UNAVAILABLE, text, first);
    }
}
