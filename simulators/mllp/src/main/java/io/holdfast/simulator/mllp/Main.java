package io.holdfast.simulator.mllp;

import java.time.Duration;

/**
 * Command line: {@code epr [port]} runs the EPR receiver; {@code feed host port count [perSecond]}
 * plays the PAS feed into a listener and prints the ACK codes it got ({@code feed host port count [perSecond] [seed]};
 * the same seed replays the same messages, which the listener then ACKs as duplicates).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("epr")) {
            int port = args.length > 1 ? Integer.parseInt(args[1]) : 2576;
            try (EprReceiver epr = new EprReceiver("127.0.0.1", port).start()) {
                System.out.println("EPR receiver on 127.0.0.1:" + epr.port() + " (Ctrl-C to stop)");
                Thread.currentThread().join();
            }
        } else if (args.length >= 4 && args[0].equals("feed")) {
            FeedSender sender = new FeedSender(args[1], Integer.parseInt(args[2]), Duration.ofSeconds(30), 3);
            long seed = args.length > 5 ? Long.parseLong(args[5]) : 42;
            var outcomes = sender.send(new PasFeedGenerator(seed), Integer.parseInt(args[3]), args.length > 4 ? Double.parseDouble(args[4]) : 0);
            System.out.println("ACKs: " + outcomes + ", timeouts: " + sender.timeouts());
        } else {
            System.err.println("usage: epr [port] | feed <host> <port> <count> [perSecond] [seed]");
            System.exit(2);
        }
    }
}
