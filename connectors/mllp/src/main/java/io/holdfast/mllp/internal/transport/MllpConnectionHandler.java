package io.holdfast.mllp.internal.transport;

import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.mllp.protocol.MllpFrame;
import io.holdfast.mllp.protocol.MllpFrameDecoder;
import io.holdfast.mllp.protocol.MllpFraming;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection: hands each frame to the {@link InboundProcessor} and writes the ACKs in the
 * order the frames arrived, even though Intake may make later frames durable first (senders
 * match ACKs to messages by position). Everything here runs on the channel's event loop; Intake
 * completions hop back onto it. Also enforces the first-byte, inter-byte and idle timeouts and the
 * whole-frame deadline ({@code frameTimeout}, counted from the start block, so a sender that
 * trickles one byte at a time cannot hold a connection and a buffer forever). Settings are read
 * from the processor on each use, so a live configuration change applies here too.
 */
final class MllpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MllpConnectionHandler.class);

    /** A frame awaiting its reply; replies leave strictly in slot order. */
    private static final class Slot {
        InboundProcessor.Reply reply;
    }

    private final InboundProcessor processor;
    private final ListenerStats stats;
    private final ReadClock clock;
    private final MllpFrameDecoder decoder;
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean closing;
    private String remote = "";

    MllpConnectionHandler(InboundProcessor processor, ListenerStats stats, ReadClock clock, MllpFrameDecoder decoder) {
        this.processor = processor;
        this.stats = stats;
        this.clock = clock;
        this.decoder = decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.remote = String.valueOf(ctx.channel().remoteAddress());
        stats.connectionsOpen.incrementAndGet();
        stats.connectionsTotal.incrementAndGet();
        scheduleTimer(tick());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stats.connectionsOpen.decrementAndGet();
        if (timer != null) {
            timer.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof MllpFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (frame instanceof MllpFrame.Incomplete) {
            // No ACK can be matched to it; journal it so nothing read is lost.
            processor.process(frame, remote);
            return;
        }
        Slot slot = new Slot();
        pending.addLast(slot);
        if (pending.size() >= processor.settings().maxPendingAcks()) {
            ctx.channel().config().setAutoRead(false);
        }
        processor.process(frame, remote).whenComplete((reply, error) -> ctx.executor().execute(() -> {
            slot.reply = error == null ? reply : InboundProcessor.Reply.NONE;
            if (error != null) {
                LOG.error("MLLP {}: no reply could be built for a frame; closing the connection so the sender resends",
                        processor.settings().name(), error);
                slot.reply = new InboundProcessor.Reply(java.util.Optional.empty(), true);
            }
            flushReady();
        }));
    }

    private void flushReady() {
        boolean wrote = false;
        while (!pending.isEmpty() && pending.peekFirst().reply != null) {
            InboundProcessor.Reply reply = pending.pollFirst().reply;
            if (reply.ack().isPresent() && ctx.channel().isActive()) {
                ByteBuf out = ctx.alloc().buffer(reply.ack().get().length + 3);
                out.writeByte(MllpFraming.START_BLOCK).writeBytes(reply.ack().get()).writeByte(MllpFraming.END_BLOCK)
                        .writeByte(MllpFraming.CARRIAGE_RETURN);
                ctx.write(out);
                wrote = true;
            }
            if (reply.closeAfter()) {
                closing = true;
                pending.clear();
                ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        if (wrote) {
            ctx.flush();
        }
        if (!ctx.channel().config().isAutoRead() && pending.size() <= processor.settings().maxPendingAcks() / 2) {
            ctx.channel().config().setAutoRead(true);
        }
        if (closing && pending.isEmpty()) {
            ctx.close();
        }
    }

    /** Checks the timeouts; returns nanoseconds until the next check, or -1 to stop. */
    private long tick() {
        ListenerSettings settings = processor.settings();
        long now = System.nanoTime();
        long first = settings.firstByteTimeout().toNanos();
        long idle = settings.idleTimeout().toNanos();
        if (!clock.anyRead && first > 0) {
            if (now - clock.connectedAt >= first) {
                LOG.info("MLLP {}: closing {} which sent nothing within firstByteTimeout {}", settings.name(), remote,
                        settings.firstByteTimeout());
                ctx.close();
                return -1;
            }
            // Wake early enough to start the frame timers should the first byte open a frame.
            return Math.min(first - (now - clock.connectedAt), frameCheckInterval(settings));
        }
        long quiet = now - clock.lastRead;
        if (decoder.inFrame()) {
            return frameTick(settings, now, quiet);
        }
        if (idle > 0 && quiet >= idle && pending.isEmpty()) {
            LOG.info("MLLP {}: closing {} idle for idleTimeout {}", settings.name(), remote, settings.idleTimeout());
            ctx.close();
            return -1;
        }
        long next = Math.min(idle > 0 ? Math.max(idle - quiet, TimeUnit.MILLISECONDS.toNanos(50)) : Long.MAX_VALUE,
                frameCheckInterval(settings));
        return next == Long.MAX_VALUE ? -1 : next;
    }

    /** How often to look at a frame that may start any moment: the shorter of the inter-byte timeout and the frame deadline. */
    private static long frameCheckInterval(ListenerSettings settings) {
        long inter = settings.interByteTimeout().toNanos();
        long deadline = settings.limits().frameTimeout().toNanos();
        long next = Long.MAX_VALUE;
        if (inter > 0) {
            next = inter;
        }
        if (deadline > 0) {
            next = Math.min(next, deadline);
        }
        return next;
    }

    /** While a frame is in progress: the inter-byte timeout and the whole-frame deadline, whichever comes first. */
    private long frameTick(ListenerSettings settings, long now, long quiet) {
        long inter = settings.interByteTimeout().toNanos();
        long deadline = settings.limits().frameTimeout().toNanos();
        long elapsed = now - decoder.frameStartedNanos();
        String why = null;
        if (inter > 0 && quiet >= inter) {
            why = "no byte for interByteTimeout " + settings.interByteTimeout();
        } else if (deadline > 0 && elapsed >= deadline) {
            why = "frame not complete within frameTimeout " + settings.limits().frameTimeout();
        }
        if (why != null) {
            LOG.warn("MLLP {}: frame from {} abandoned ({}); journaling what arrived and closing", settings.name(), remote, why);
            decoder.abandonFrame(why).ifPresent(f -> processor.process(f, remote));
            closing = true;
            flushReady();
            return -1;
        }
        long next = TimeUnit.SECONDS.toNanos(1);
        if (inter > 0) {
            next = inter - quiet;
        }
        if (deadline > 0) {
            next = Math.min(next, deadline - elapsed);
        }
        return next;
    }

    private void scheduleTimer(long delayNanos) {
        if (delayNanos < 0 || !ctx.channel().isActive() && timer != null) {
            return;
        }
        timer = ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                scheduleTimer(tick());
            }
        }, Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(10)), TimeUnit.NANOSECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("MLLP {}: connection {} failed: {}", processor.settings().name(), remote, cause.toString());
        ctx.close();
    }
}
