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
 * completions hop back onto it. Also enforces the first-byte, inter-byte and idle timeouts.
 */
final class MllpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MllpConnectionHandler.class);

    /** A frame awaiting its reply; replies leave strictly in slot order. */
    private static final class Slot {
        InboundProcessor.Reply reply;
    }

    private final ListenerSettings settings;
    private final InboundProcessor processor;
    private final ListenerStats stats;
    private final ReadClock clock;
    private final MllpFrameDecoder decoder;
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean closing;
    private String remote = "";

    MllpConnectionHandler(ListenerSettings settings, InboundProcessor processor, ListenerStats stats, ReadClock clock,
                          MllpFrameDecoder decoder) {
        this.settings = settings;
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
        if (pending.size() >= settings.maxPendingAcks()) {
            ctx.channel().config().setAutoRead(false);
        }
        processor.process(frame, remote).whenComplete((reply, error) -> ctx.executor().execute(() -> {
            slot.reply = error == null ? reply : InboundProcessor.Reply.NONE;
            if (error != null) {
                LOG.error("MLLP {}: no reply could be built for a frame; closing the connection so the sender resends",
                        settings.name(), error);
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
        if (!ctx.channel().config().isAutoRead() && pending.size() <= settings.maxPendingAcks() / 2) {
            ctx.channel().config().setAutoRead(true);
        }
        if (closing && pending.isEmpty()) {
            ctx.close();
        }
    }

    /** Checks the timeouts; returns nanoseconds until the next check, or -1 to stop. */
    private long tick() {
        long now = System.nanoTime();
        long first = settings.firstByteTimeout().toNanos();
        long inter = settings.interByteTimeout().toNanos();
        long idle = settings.idleTimeout().toNanos();
        if (!clock.anyRead && first > 0) {
            if (now - clock.connectedAt >= first) {
                LOG.info("MLLP {}: closing {} which sent nothing within firstByteTimeout {}", settings.name(), remote,
                        settings.firstByteTimeout());
                ctx.close();
                return -1;
            }
            return first - (now - clock.connectedAt);
        }
        long quiet = now - clock.lastRead;
        if (decoder.inFrame()) {
            if (inter > 0 && quiet >= inter) {
                LOG.warn("MLLP {}: frame from {} stalled for interByteTimeout {}; journaling what arrived and closing",
                        settings.name(), remote, settings.interByteTimeout());
                decoder.abandonFrame("no byte for interByteTimeout " + settings.interByteTimeout())
                        .ifPresent(f -> processor.process(f, remote));
                closing = true;
                flushReady();
                return -1;
            }
            return inter > 0 ? inter - quiet : Math.max(idle, TimeUnit.SECONDS.toNanos(1));
        }
        if (idle > 0 && quiet >= idle && pending.isEmpty()) {
            LOG.info("MLLP {}: closing {} idle for idleTimeout {}", settings.name(), remote, settings.idleTimeout());
            ctx.close();
            return -1;
        }
        long next = Long.MAX_VALUE;
        if (idle > 0) {
            next = Math.max(idle - quiet, TimeUnit.MILLISECONDS.toNanos(50));
        }
        if (inter > 0) {
            next = Math.min(next, inter);
        }
        return next == Long.MAX_VALUE ? -1 : next;
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
        LOG.warn("MLLP {}: connection {} failed: {}", settings.name(), remote, cause.toString());
        ctx.close();
    }
}
