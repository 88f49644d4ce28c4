package io.holdfast.itest.dist;

import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PAS-like senders for the crash test: each connection sends one ADT^A01 at a time (a new visit each,
 * so each is its own clinical event), waits for the ACK and resends the same message (same MSH-10) on a
 * negative ACK. They run until the connection dies, remembering what was ACKed and what was in flight.
 */
final class MllpLoad {
    static final String NHS_NUMBER = "9449305552";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(20);
    private static final String TEMPLATE = String.join("\r",
            "MSH|^~\\&|iPM|RXX|EPR|RXX|20260301101512||ADT^A01^ADT_A01|{ID}|P|2.4|||AL|NE|GBR|8859/1",
            "EVN|A01|20260301101500|||C1234567^JONES^ALAN|20260301100000",
            "PID|1||" + NHS_NUMBER + "^^^NHS^NH~RX1234567^^^RXX^MR||SMITH^JOANNE^MARIE^^MRS^^L||19800101|F|||1 HIGH STREET^FLAT 2^LEEDS"
                    + "^WEST YORKSHIRE^LS1 4AP^GBR^H||01132345678^PRN^PH|||M||||||A||||||||N",
            "PD1|||HILLSIDE SURGERY^^B86001|G1234567^BROWN^SARAH",
            "PV1|1|I|WARD14^BAY2^BED3^RXX01|22|||C1234567^JONES^ALAN^^^DR|||300|||19|||||NHS|{VISIT}^^^RXX^VN|||||||||||||||||||||||||"
                    + "20260301100000",
            "PV2|||^CHEST PAIN") + "\r";

    /** One message: MSH-10, PV1-19 (the visit, which makes the natural key) and the bytes. */
    record Message(String controlId, String visit, byte[] bytes) {
    }

    private final int port;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Message> acked = new ConcurrentHashMap<>();
    private final Map<String, Message> inFlight = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> unexpected = new ArrayList<>();

    MllpLoad(int port) {
        this.port = port;
    }

    static Message admission(String controlId, String visit) {
        return new Message(controlId, visit,
                TEMPLATE.replace("{ID}", controlId).replace("{VISIT}", visit).getBytes(StandardCharsets.ISO_8859_1));
    }

    void start(int connections) {
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(this::sendUntilDisconnected, "mllp-load-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    private void sendUntilDisconnected() {
        try (MllpClient client = MllpClient.connect("127.0.0.1", port, ACK_TIMEOUT)) {
            while (true) {
                long n = sequence.incrementAndGet();
                Message m = admission("CRASH" + n, "VC" + n);
                inFlight.put(m.controlId(), m);
                while (!send(client, m)) {
                    Thread.sleep(50); // AE: "not stored, please resend"; a PAS resends the same message after a pause
                }
                inFlight.remove(m.controlId());
                acked.put(m.controlId(), m);
            }
        } catch (IOException expected) {
            // the Karaf JVM was killed: whatever is in inFlight never got its ACK
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (unexpected) {
                unexpected.add(e);
            }
        }
    }

    /** True once the message got a positive ACK (AA/CA) naming it. */
    static boolean send(MllpClient client, Message m) throws IOException {
        Optional<AckMessage> ack = AckMessage.read(client.exchange(m.bytes(), ACK_TIMEOUT));
        if (ack.isEmpty()) {
            throw new IllegalStateException("no readable ACK for " + m.controlId());
        }
        if (!ack.get().controlId().equals(m.controlId())) {
            throw new IllegalStateException("ACK for " + ack.get().controlId() + " while waiting for " + m.controlId());
        }
        return ack.get().code().outcome() == AckCode.Outcome.ACCEPTED;
    }

    void awaitStopped(Duration timeout) throws InterruptedException {
        for (Thread t : threads) {
            t.join(timeout.toMillis());
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " still sending " + timeout.toSeconds() + " s after the kill");
            }
        }
        synchronized (unexpected) {
            if (!unexpected.isEmpty()) {
                AssertionError e = new AssertionError("a sender failed for another reason than the kill: " + unexpected.get(0));
                e.initCause(unexpected.get(0));
                throw e;
            }
        }
    }

    Map<String, Message> acked() {
        return acked;
    }

    Map<String, Message> inFlight() {
        return inFlight;
    }
}
