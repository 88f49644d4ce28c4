package io.holdfast.mllp.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.hl7v2.MshHeader;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * Sends HL7 v2 over MLLP and waits for the ACK. MSH-10 is replaced by a control id derived from
 * the request id, so every retry of a delivery carries the same MSH-10 and the receiver can
 * dedupe. Connections are reused per endpoint (one message at a time per connection). AA/CA is
 * delivered; AE/CE is transient unless the route's header {@value #ON_AE_HEADER} says
 * {@code DEAD_LETTER}; AR/CR is permanent; no ACK within the timeout, a refused connection, or an
 * ACK for another MSH-10 is transient.
 */
public final class MllpSender implements OutboundTransport, AutoCloseable {
    /** Request header a route sets to choose what AE means: {@code RETRY} (default) or {@code DEAD_LETTER}. */
    public static final String ON_AE_HEADER = "mllp.onAE";
    private final Duration connectTimeout;
    private final Duration ackTimeout;
    private final int maxIdlePerEndpoint;
    private final Map<String, ConcurrentLinkedDeque<MllpClient>> idle = new ConcurrentHashMap<>();

    public MllpSender(Duration connectTimeout, Duration ackTimeout, int maxIdlePerEndpoint) {
        this.connectTimeout = connectTimeout;
        this.ackTimeout = ackTimeout;
        this.maxIdlePerEndpoint = maxIdlePerEndpoint;
    }

    @Override
    public String transport() {
        return Transports.MLLP;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        MllpEndpoint endpoint;
        byte[] message;
        try {
            endpoint = MllpEndpoint.parse(request.target().endpoint());
            message = withControlId(read(request.body()), controlIdFor(request.requestId()));
        } catch (HoldfastException | IOException e) {
            return new DeliveryResult.Permanent("cannot send: " + e.getMessage(), Optional.empty());
        }
        MllpClient client = null;
        try {
            client = borrow(endpoint, request.auth());
            byte[] reply = client.exchange(message, ackTimeout);
            DeliveryResult result = interpret(reply, controlIdFor(request.requestId()), request.headers());
            if (result instanceof DeliveryResult.Transient) {
                client.close();
            } else {
                giveBack(endpoint, client);
            }
            return result;
        } catch (SocketTimeoutException e) {
            close(client);
            return new DeliveryResult.Transient("no ACK from " + endpoint.key() + " within " + ackTimeout, Optional.empty());
        } catch (IOException e) {
            close(client);
            return new DeliveryResult.Transient("MLLP to " + endpoint.key() + " failed: " + e, Optional.empty());
        }
    }

    static DeliveryResult interpret(byte[] reply, String controlId, Map<String, String> headers) {
        Optional<AckMessage> ack = AckMessage.read(reply);
        if (ack.isEmpty()) {
            return new DeliveryResult.Transient("reply is not an HL7 ACK (no MSA)", Optional.empty());
        }
        AckMessage a = ack.get();
        if (!a.controlId().equals(controlId)) {
            return new DeliveryResult.Transient("ACK is for MSH-10 " + a.controlId() + ", not " + controlId, Optional.empty());
        }
        String summary = a.code() + (a.text().isEmpty() ? "" : " " + a.text());
        return switch (a.code().outcome()) {
            case ACCEPTED -> new DeliveryResult.Acknowledged(summary, Optional.of(Payload.of(reply)));
            case ERROR -> "DEAD_LETTER".equalsIgnoreCase(headers.getOrDefault(ON_AE_HEADER, "RETRY"))
                    ? new DeliveryResult.Permanent(summary, Optional.of(Payload.of(reply)))
                    : new DeliveryResult.Transient(summary, Optional.empty());
            case REJECTED -> new DeliveryResult.Permanent(summary, Optional.of(Payload.of(reply)));
        };
    }

    /** MSH-10 for a request id: 20 characters (the v2.3-v2.5 length), stable for the id. */
    static String controlIdFor(String requestId) {
        String clean = requestId.replaceAll("[^A-Za-z0-9]", "");
        return clean.length() <= 20 ? clean : clean.substring(0, 20);
    }

    /** The message with MSH-10 set to {@code controlId}. */
    static byte[] withControlId(byte[] message, String controlId) throws IOException {
        MshHeader msh = MshHeader.read(message).orElseThrow(() -> new IOException("the payload has no MSH segment"));
        String text = new String(message, StandardCharsets.ISO_8859_1);
        char fs = msh.fieldSeparator();
        int pos = 0;
        for (int i = 0; i < MshHeader.CONTROL_ID - 1; i++) {
            pos = text.indexOf(fs, pos) + 1;
        }
        int end = text.indexOf(fs, pos);
        if (end < 0) {
            int cr = text.indexOf('\r', pos);
            end = cr < 0 ? text.length() : cr;
        }
        String replaced = text.substring(0, pos) + controlId + text.substring(end);
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private MllpClient borrow(MllpEndpoint endpoint, AuthMaterial auth) throws IOException {
        ConcurrentLinkedDeque<MllpClient> pool = idle.computeIfAbsent(endpoint.key(), k -> new ConcurrentLinkedDeque<>());
        MllpClient c;
        while ((c = pool.pollFirst()) != null) {
            if (c.isConnected() && !c.isClosedByPeer(Duration.ofMillis(1))) {
                return c;
            }
            c.close();
        }
        return MllpClient.connect(socketFactory(endpoint, auth), endpoint.host(), endpoint.port(), connectTimeout);
    }

    private static SocketFactory socketFactory(MllpEndpoint endpoint, AuthMaterial auth) throws IOException {
        Optional<SSLContext> tls = auth instanceof AuthMaterial.Tls t ? Optional.of(t.sslContext())
                : auth instanceof AuthMaterial.Headers h ? h.tls() : Optional.empty();
        if (tls.isPresent()) {
            return tls.get().getSocketFactory();
        }
        if (endpoint.tls()) {
            try {
                return SSLContext.getDefault().getSocketFactory();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException("no default TLS context", e);
            }
        }
        return SocketFactory.getDefault();
    }

    private void giveBack(MllpEndpoint endpoint, MllpClient client) {
        ConcurrentLinkedDeque<MllpClient> pool = idle.computeIfAbsent(endpoint.key(), k -> new ConcurrentLinkedDeque<>());
        if (pool.size() < maxIdlePerEndpoint) {
            pool.addFirst(client);
        } else {
            close(client);
        }
    }

    private static byte[] read(Payload body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static void close(MllpClient c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to do
            }
        }
    }

    @Override
    public void close() {
        idle.values().forEach(pool -> pool.forEach(MllpSender::close));
        idle.clear();
    }
}
