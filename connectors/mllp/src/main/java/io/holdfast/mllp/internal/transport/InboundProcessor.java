package io.holdfast.mllp.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.hl7v2.Hl7v2Codec;
import io.holdfast.mllp.internal.config.AckMode;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckBuilder;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckError;
import io.holdfast.hl7v2.Hl7Charsets;
import io.holdfast.mllp.protocol.MllpFrame;
import io.holdfast.hl7v2.MshHeader;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frame's way through Holdfast: envelope, decode, {@link Intake}, then the ACK to send. The
 * ACK is decided only from Intake's outcome, so it is sent only once the message is durable (or,
 * for AE, known not to be stored). Netty-free, so the ACK rules are testable on their own.
 */
final class InboundProcessor {
    static final String FRAME_TOO_LARGE = "FRAME_TOO_LARGE";
    static final String INCOMPLETE_FRAME = "INCOMPLETE_FRAME";
    static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    /** The journal's {@code journal_message.message_id} is VARCHAR(255): a longer MSH-10 cannot be the message id. */
    static final int MAX_CONTROL_ID = 255;
    /** {@code journal_message.wire_format} is VARCHAR(64) and holds {@code HL7V2:<MSH-12>}; real versions are "2.3.1" and the like. */
    static final int MAX_VERSION = 20;
    private static final Logger LOG = LoggerFactory.getLogger(InboundProcessor.class);
    private static final AtomicLong ACK_SEQ = new AtomicLong();

    /** What to answer: the ACK bytes (none in enhanced mode when the sender asked for none), and whether to close after it. */
    record Reply(Optional<byte[]> ack, boolean closeAfter) {
        static final Reply NONE = new Reply(Optional.empty(), false);
    }

    /** Replaced whole by {@link #apply}: a frame reads it once per use, never a half-updated mix. */
    private volatile ListenerSettings settings;
    private final Intake intake;
    private volatile Hl7v2Codec codec;
    private final ListenerStats stats;
    private final AckBuilder acks;
    private final String channel;

    InboundProcessor(ListenerSettings settings, Intake intake, Hl7v2Codec codec, ListenerStats stats) {
        this.settings = settings;
        this.intake = intake;
        this.codec = codec;
        this.stats = stats;
        this.acks = new AckBuilder("HOLDFAST", settings.name());
        this.channel = "mllp:" + settings.name();
    }

    ListenerSettings settings() {
        return settings;
    }

    /** Applies settings of the same listener name; a new time zone needs a new codec, the rest is read per frame. */
    void apply(ListenerSettings changed) {
        if (!changed.timeZone().equals(settings.timeZone())) {
            codec = new Hl7v2Codec(changed.timeZone());
        }
        settings = changed;
    }

    CompletionStage<Reply> process(MllpFrame frame, String remote) {
        stats.frames.incrementAndGet();
        Optional<MshHeader> msh = MshHeader.read(frame.bytes());
        Envelope envelope = envelope(msh, frame, remote);
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded;
        if (frame instanceof MllpFrame.Oversized o) {
            decoded = DecodeResult.rejected(FRAME_TOO_LARGE,
                    "frame exceeds maxFrameBytes=" + o.limit() + " of listener " + settings.name() + "; first " + o.limit() + " bytes kept");
        } else if (frame instanceof MllpFrame.Incomplete i) {
            decoded = DecodeResult.rejected(INCOMPLETE_FRAME, i.why() + "; " + i.bytes().length + " bytes kept");
        } else {
            Optional<String> tooLong = msh.flatMap(InboundProcessor::tooLongField);
            decoded = tooLong.isPresent() ? DecodeResult.rejected(FIELD_TOO_LONG, tooLong.get())
                    : codec.decode(frame.bytes(), envelope, trail);
        }
        if (frame instanceof MllpFrame.Complete c && c.discardedBefore() > 0) {
            stats.discardedBytes.addAndGet(c.discardedBefore());
            LOG.warn("MLLP {}: discarded {} bytes before the start block of message {}", settings.name(), c.discardedBefore(),
                    envelope.messageId());
        }
        CompletionStage<IntakeReceipt> stored;
        try {
            stored = intake.accept(envelope, Payload.of(frame.bytes()), decoded, trail);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((receipt, error) -> reply(frame, msh, envelope, decoded, receipt, error));
    }

    /** A header field the journal cannot hold; the message is then rejected under a generated id instead of failing Intake forever. */
    static Optional<String> tooLongField(MshHeader msh) {
        if (msh.controlId().length() > MAX_CONTROL_ID) {
            return Optional.of("MSH-10 (message control id) is " + msh.controlId().length() + " characters; at most " + MAX_CONTROL_ID
                    + " are accepted");
        }
        if (msh.version().length() > MAX_VERSION) {
            return Optional.of("MSH-12 (version id) is " + msh.version().length() + " characters; at most " + MAX_VERSION
                    + " are accepted");
        }
        return Optional.empty();
    }

    private Envelope envelope(Optional<MshHeader> msh, MllpFrame frame, String remote) {
        String id = msh.map(MshHeader::controlId).filter(s -> !s.isBlank() && s.length() <= MAX_CONTROL_ID)
                .orElseGet(() -> "mllp-" + settings.name() + "-" + UUID.randomUUID());
        String version = msh.map(MshHeader::version).filter(v -> v.length() <= MAX_VERSION).orElse("");
        Map<String, String> attributes = Map.of(Hl7v2Codec.ATTR_DEFAULT_CHARSET, settings.charset().name(), "mllp.remote", remote,
                "mllp.frame", frame.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                "hl7.messageType", msh.map(MshHeader::messageType).orElse(""));
        return new Envelope(id, Optional.empty(), settings.sourceSystem(), channel, Instant.now(), WireFormat.hl7v2(version), attributes);
    }

    private Reply reply(MllpFrame frame, Optional<MshHeader> msh, Envelope envelope, DecodeResult decoded, IntakeReceipt receipt,
                        Throwable error) {
        if (frame instanceof MllpFrame.Incomplete) {
            stats.incomplete.incrementAndGet();
            if (error != null) {
                LOG.error("MLLP {}: an incomplete frame of {} bytes could not be journaled: {}", settings.name(), frame.bytes().length,
                        cause(error).toString());
            } else {
                LOG.warn("MLLP {}: incomplete frame of {} bytes journaled as rejected (journal id {})", settings.name(),
                        frame.bytes().length, receipt.journalId());
            }
            return Reply.NONE;
        }
        boolean oversized = frame instanceof MllpFrame.Oversized;
        if (oversized) {
            stats.oversized.incrementAndGet();
        }
        AckCode.Outcome outcome;
        Optional<AckError> err;
        if (error != null) {
            Throwable c = cause(error);
            stats.refused.incrementAndGet();
            outcome = AckCode.Outcome.ERROR;
            String why = c instanceof IntakeRefusedException r ? r.reason().name() : c.getClass().getSimpleName();
            err = Optional.of(new AckError(AckError.APPLICATION_ERROR, "message not stored (" + why + "); please resend"));
            LOG.warn("MLLP {}: Intake refused message {}: {}", settings.name(), envelope.messageId(), why);
        } else if (receipt.rejected()) {
            stats.rejected.incrementAndGet();
            outcome = AckCode.Outcome.REJECTED;
            DecodeResult.Rejected r = decoded instanceof DecodeResult.Rejected rej ? rej
                    : new DecodeResult.Rejected("REJECTED", "rejected by Intake");
            err = Optional.of(new AckError(hl7ErrorCode(r.code()), r.code() + ": " + r.reason() + " (kept as journal " + receipt.journalId() + ")"));
        } else {
            stats.accepted.incrementAndGet();
            if (receipt.allDuplicates()) {
                stats.duplicates.incrementAndGet();
            }
            outcome = AckCode.Outcome.ACCEPTED;
            err = Optional.empty();
        }
        boolean enhanced = enhanced(msh);
        if (!oversized && enhanced && !wantsAck(msh, outcome)) {
            return Reply.NONE;
        }
        String ack = acks.build(msh, AckCode.of(outcome, enhanced), err, nextAckId());
        Charset cs = Hl7Charsets.forMessage(msh, settings.charset()).orElse(settings.charset());
        return new Reply(Optional.of(ack.getBytes(cs)), oversized);
    }

    private boolean enhanced(Optional<MshHeader> msh) {
        return switch (settings.ackMode()) {
            case ORIGINAL -> false;
            case ENHANCED -> true;
            case AUTO -> msh.map(MshHeader::enhancedMode).orElse(false);
        };
    }

    /** MSH-15 accept acknowledgement type: AL (or empty) always, NE never, ER only on error, SU only on success. */
    private static boolean wantsAck(Optional<MshHeader> msh, AckCode.Outcome outcome) {
        String type = msh.map(m -> m.first(MshHeader.ACCEPT_ACK_TYPE)).orElse("").trim();
        return switch (type) {
            case "NE" -> false;
            case "ER" -> outcome != AckCode.Outcome.ACCEPTED;
            case "SU" -> outcome == AckCode.Outcome.ACCEPTED;
            default -> true;
        };
    }

    static String hl7ErrorCode(String rejectionCode) {
        return switch (rejectionCode) {
            case Hl7v2Codec.NO_MSH -> AckError.SEGMENT_SEQUENCE;
            case Hl7v2Codec.MALFORMED_MSH, FIELD_TOO_LONG -> AckError.DATA_TYPE;
            case Hl7v2Codec.MISSING_FIELD -> AckError.REQUIRED_FIELD_MISSING;
            case Hl7v2Codec.UNPARSABLE, Hl7v2Codec.INVALID_NHS_NUMBER, Hl7v2Codec.INVALID_VALUE, "INVALID_IDENTIFIER" -> AckError.DATA_TYPE;
            default -> AckError.APPLICATION_ERROR;
        };
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String nextAckId() {
        return "HF" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT) + ACK_SEQ.incrementAndGet() % 1_000_000;
    }

    AckMode ackMode() {
        return settings.ackMode();
    }
}
