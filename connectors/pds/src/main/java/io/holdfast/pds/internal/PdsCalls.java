package io.holdfast.pds.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.pds.internal.transport.PdsAnswer;
import io.holdfast.pds.internal.transport.PdsAuth;
import io.holdfast.pds.internal.transport.PdsCallJournal;
import io.holdfast.pds.internal.transport.PdsHttpClient;
import io.holdfast.pds.internal.transport.PdsRequest;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * What every PDS operation shares: the inventory entry (read from the inventory at most once per
 * {@link #SYSTEM_REFRESH}, so an endpoint or credential change applies within a second without a database read
 * on every call),
 * the request id, the HTTP exchange and the journal. An operation hands in what to send and how to read the answer;
 * the answer is used only once it is journaled.
 */
final class PdsCalls {
    private final PdsSettings settings;
    private final Inventory inventory;
    private final PdsHttpClient http;
    private final PdsCallJournal journal;
    /** How long a looked-up inventory entry is reused: the lookup is a database read, more than a PDS call's own work. */
    static final long SYSTEM_REFRESH = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private volatile Looked looked;

    private record Looked(DownstreamSystem system, long atNanos) {
    }

    PdsCalls(PdsSettings settings, Inventory inventory, PdsHttpClient http, PdsCallJournal journal) {
        this.settings = settings;
        this.inventory = inventory;
        this.http = http;
        this.journal = journal;
    }

    /** How an operation reads an answer: its typed result, the body that may be kept, and a one-line outcome. */
    record Reading<R>(R result, Optional<byte[]> kept, String outcome) {
    }

    interface Reader<R> {
        Reading<R> read(PdsAnswer.Answered answer);
    }

    /** The PDS inventory entry, or the failure that names the missing one. */
    DownstreamSystem system() {
        Looked last = looked;
        long now = System.nanoTime();
        if (last != null && now - last.atNanos() < SYSTEM_REFRESH) {
            return last.system();
        }
        DownstreamSystem system = inventory.require(settings.systemId());
        looked = new Looked(system, now);
        return system;
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    static Optional<String> correlation(CallContext context) {
        return context.correlationId();
    }

    /**
     * Sends, reads and journals one call.
     *
     * @param failed maps a failure (no answer, or the journal refusing) to the operation's result type
     */
    <R> R call(DownstreamSystem system, String operation, PdsRequest request, PdsAuth auth, Reader<R> reader,
               java.util.function.Function<CallFailure, R> failed) {
        PdsAnswer answer = http.send(URI.create(system.endpoint()), request, auth);
        Reading<R> reading;
        if (answer instanceof PdsAnswer.Answered a) {
            reading = reader.read(a);
        } else {
            CallFailure f = ((PdsAnswer.Unanswered) answer).failure();
            reading = new Reading<>(failed.apply(f), Optional.empty(), "failed " + f.code());
        }
        Optional<CallFailure> notJournaled = journal.record(new PdsCallJournal.Call(system.id(), operation, request, answer,
                reading.kept(), reading.outcome()));
        return notJournaled.isPresent() && answer instanceof PdsAnswer.Answered ? failed.apply(notJournaled.get()) : reading.result();
    }

    static CallFailure failure(HoldfastException e) {
        return new CallFailure(e.errorCode().name(), e.describe(), false);
    }
}
