package io.holdfast.mllp.internal.transport;

import io.holdfast.mllp.internal.config.CidrRange;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, once per accepted connection, whether it may stay: its peer must be in
 * {@code allowFrom} (when set) and neither the listener nor that peer may be at its connection
 * limit. A refused connection is closed before any byte is read, counted, and logged with the
 * peer address and the rule (no message content exists yet). Reads the settings live, so a
 * changed allow-list or limit applies to the next connection without a rebind.
 */
final class ConnectionGate {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    /** A flood of refused connections must not flood the log: at most one WARN per this many ns. */
    private static final long WARN_INTERVAL_NANOS = 10_000_000_000L;

    private final Supplier<ListenerSettings> settings;
    private final ListenerStats stats;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perPeer = new ConcurrentHashMap<>();
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    ConnectionGate(Supplier<ListenerSettings> settings, ListenerStats stats) {
        this.settings = settings;
        this.stats = stats;
    }

    /** Admits the channel (and releases its slots when it closes) or closes it; true if admitted. */
    boolean admit(Channel channel) {
        if (!(channel.remoteAddress() instanceof InetSocketAddress remote)) {
            channel.close(); // already gone before it could be looked at
            return false;
        }
        InetAddress peer = remote.getAddress();
        ListenerSettings.Limits limits = settings.get().limits();
        String refusal = null;
        if (!allowed(limits.allowFrom(), peer)) {
            refusal = "is not in allowFrom";
        } else if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            refusal = "would exceed maxConnections=" + limits.maxConnections();
        } else if (perPeer.merge(peer, 1, Integer::sum) > limits.maxConnectionsPerPeer()) {
            release(peer);
            refusal = "would exceed maxConnectionsPerPeer=" + limits.maxConnectionsPerPeer();
        } else {
            channel.closeFuture().addListener(f -> release(peer));
            return true;
        }
        stats.connectionsRefused.incrementAndGet();
        warn(peer, refusal);
        channel.close();
        return false;
    }

    private static boolean allowed(List<CidrRange> allowFrom, InetAddress peer) {
        if (allowFrom.isEmpty()) {
            return true;
        }
        for (CidrRange range : allowFrom) {
            if (range.contains(peer)) {
                return true;
            }
        }
        return false;
    }

    private void release(InetAddress peer) {
        perPeer.computeIfPresent(peer, (p, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    private void warn(InetAddress peer, String refusal) {
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarn.compareAndSet(last, now)) {
            LOG.warn("MLLP {}: refused a connection from {}: the peer {} ({} refused so far; see holdfast:mllp-listeners)",
                    settings.get().name(), peer.getHostAddress(), refusal, stats.connectionsRefused.get());
        }
    }

    /** Open connections admitted by this gate. */
    int open() {
        return open.get();
    }
}
