package io.holdfast.simulator.mllp;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Plays a {@link PasFeedGenerator} stream into an MLLP listener the way a PAS does: one connection,
 * one message at a time, waiting for each ACK; on AE or a timeout it resends the same message
 * (same MSH-10), as real senders do, up to {@code retries} times.
 */
public final class FeedSender {
    private final String host;
    private final int port;
    private final Duration ackTimeout;
    private final int retries;
    private final Map<AckCode, Long> outcomes = new EnumMap<>(AckCode.class);
    private long timeouts;

    public FeedSender(String host, int port, Duration ackTimeout, int retries) {
        this.host = host;
        this.port = port;
        this.ackTimeout = ackTimeout;
        this.retries = retries;
    }

    /** Sends {@code count} messages at up to {@code perSecond} (0 = as fast as ACKs allow). */
    public synchronized Map<AckCode, Long> send(PasFeedGenerator generator, int count, double perSecond) throws IOException, InterruptedException {
        long intervalNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        long next = System.nanoTime();
        MllpConnection client = MllpConnection.open(host, port, ackTimeout);
        try {
            for (int i = 0; i < count; i++) {
                if (intervalNanos > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += intervalNanos;
                }
                client = sendOne(client, generator.next());
            }
        } finally {
            client.close();
        }
        return Map.copyOf(outcomes);
    }

    private MllpConnection sendOne(MllpConnection client, byte[] message) throws IOException {
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                AckReply ack = AckReply.read(client.exchange(message, ackTimeout)).orElseThrow(() -> new IOException("reply is not an ACK"));
                outcomes.merge(ack.code(), 1L, Long::sum);
                if (!ack.code().error()) {
                    return client;
                }
            } catch (IOException e) {
                timeouts++;
                client.close();
                client = MllpConnection.open(host, port, ackTimeout);
            }
        }
        return client;
    }

    public synchronized long timeouts() {
        return timeouts;
    }
}
