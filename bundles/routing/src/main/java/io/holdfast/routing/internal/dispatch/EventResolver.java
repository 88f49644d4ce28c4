package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.RecentEvents;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what an outbox row delivers. The canonical event is not stored twice: it comes from
 * Intake's recent-events cache, or else from the journaled raw payload, decoded again with the
 * source format's codec and picked out by its natural-key digest and content digest (which also
 * proves it is the very event that was routed).
 */
final class EventResolver {
    private final Journal journal;
    private final JournalWriter writer;
    private final RecentEvents recent;
    private final ServiceDirectory services;

    EventResolver(Journal journal, JournalWriter writer, RecentEvents recent, ServiceDirectory services) {
        this.journal = journal;
        this.writer = writer;
        this.recent = recent;
        this.services = services;
    }

    ClinicalEvent event(OutboxRow row) throws AttemptStop {
        Optional<ClinicalEvent> cached = recent.get(row.journalId(), row.keyDigest(), row.contentDigest());
        if (cached.isPresent()) {
            return cached.get();
        }
        JournalEntry entry = entry(row);
        WireFormat format = WireFormat.parse(entry.wireFormat());
        Codec<?> codec = services.codec(format.family()).orElseThrow(() -> AttemptStop.waiting("no codec for source format "
                + format.family() + " to re-read journal " + row.journalId()));
        Envelope envelope = new Envelope(entry.messageId(), Optional.empty(), entry.sourceSystem(), entry.channel(),
                entry.receivedAt(), format, Map.of());
        DecodeResult decoded = WireBytes.decode(codec, bytes(row, payloadOf(row, entry)), envelope);
        if (decoded instanceof DecodeResult.Decoded d) {
            for (ClinicalEvent e : d.events()) {
                if (e.digest().hex().equals(row.contentDigest()) && writer.digest(e.key().token()).equals(row.keyDigest())) {
                    recent.put(row.journalId(), row.keyDigest(), row.contentDigest(), e);
                    return e;
                }
            }
        }
        throw AttemptStop.unsendable("re-reading journal " + row.journalId() + " with the " + format.family()
                + " codec no longer yields the routed event (codec changed?); replay after fixing the codec");
    }

    /** Above this a message sent on as received is streamed from the journal, not read into heap. */
    static final long IN_MEMORY_LIMIT = 1 << 20;

    /**
     * The journaled message as a payload to send on as received: in memory when small, else
     * decrypted from the journal as the transport reads it (a 100 MB MESH file never sits in heap).
     */
    Payload rawPayload(OutboxRow row) throws AttemptStop {
        PayloadInfo info = payloadOf(row, entry(row));
        if (info.size() <= IN_MEMORY_LIMIT) {
            return Payload.of(bytes(row, info));
        }
        return Payload.ofStream(info.size(), () -> journal.openPayload(info));
    }

    private PayloadInfo payloadOf(OutboxRow row, JournalEntry entry) throws AttemptStop {
        return entry.payload().orElseThrow(() -> AttemptStop.unsendable("journal " + row.journalId() + " has no payload"));
    }

    /** The journaled bytes of the row's message. */
    private byte[] bytes(OutboxRow row, PayloadInfo info) throws AttemptStop {
        try (InputStream in = journal.openPayload(info)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw AttemptStop.waiting("payload of journal " + row.journalId() + " cannot be read: " + e.getMessage());
        }
    }

    private JournalEntry entry(OutboxRow row) throws AttemptStop {
        return journal.find(row.journalId()).orElseThrow(() -> AttemptStop.unsendable("journal " + row.journalId()
                + " not found (pruned?)"));
    }
}
