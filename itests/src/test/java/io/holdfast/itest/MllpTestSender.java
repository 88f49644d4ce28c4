package io.holdfast.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A sending HL7 system as the tests need it: one MLLP connection, a frame out, its ACK back. Written here
 * rather than taken from {@code io.holdfast.mllp.protocol}: the test probe must not be wired to the connector
 * bundle, or uninstalling the connector would refresh (restart) the probe in the middle of the test.
 */
final class MllpTestSender implements AutoCloseable {
    private static final byte START = 0x0B;
    private static final byte END = 0x1C;
    private static final byte CR = 0x0D;
    private static final int ACK_TIMEOUT_MILLIS = 30_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private MllpTestSender(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    static MllpTestSender connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(ACK_TIMEOUT_MILLIS);
            return new MllpTestSender(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one message (segments separated by CR) and returns the ACK's text, or throws if none came. */
    String send(String message) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(START);
        frame.writeBytes(message.getBytes(StandardCharsets.ISO_8859_1));
        frame.write(END);
        frame.write(CR);
        out.write(frame.toByteArray());
        out.flush();
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != START) {
            if (b < 0) {
                throw new IOException("connection closed before an ACK");
            }
        }
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of an ACK");
            }
            ack.write(b);
        }
        in.read(); // the CR after the end block
        return ack.toString(StandardCharsets.ISO_8859_1);
    }

    /** One-shot: connect, send, return the ACK. */
    static String sendOnce(int port, String message) throws IOException {
        try (MllpTestSender sender = connect(port)) {
            return sender.send(message);
        }
    }

    /**
     * A UK ITK-shaped ADT^A01 v2.4 (test-range NHS number) in original acknowledgement mode (no MSH-15/16), so a
     * positive answer is AA. Each visit number is its own admission (its own natural key).
     */
    static String admission(String controlId, String visitNumber) {
        return String.join("\r",
                "MSH|^~\\&|ITPAS|RXX|HOLDFAST|RXX|20260301101512||ADT^A01^ADT_A01|" + controlId + "|P|2.4|||||GBR|8859/1",
                "EVN|A01|20260301101500",
                "PID|1||9449305552^^^NHS^NH~RX1234567^^^RXX^MR||SMITH^JOANNE^^^MRS^^L||19800101|F|||1 HIGH STREET^^LEEDS^^LS1 4AP^GBR^H",
                "PV1|1|I|WARD14^BAY2^BED3^RXX01|22|||C1234567^JONES^ALAN^^^DR|||300|||19|||||NHS|" + visitNumber
                        + "^^^RXX^VN|||||||||||||||||||||||||20260301100000") + "\r";
    }

    /** MSA-1 (AA, AE, AR, CA, ...) of an ACK. */
    static String ackCode(String ack) {
        return msa(ack, 1);
    }

    /** MSA-2: the control id the ACK answers. */
    static String ackedControlId(String ack) {
        return msa(ack, 2);
    }

    private static String msa(String ack, int field) {
        for (String segment : ack.split("[\r\n]+")) {
            if (segment.startsWith("MSA|")) {
                String[] fields = segment.split("\\|", -1);
                return fields.length > field ? fields[field] : "";
            }
        }
        throw new AssertionError("no MSA segment in the ACK: " + ack.replace('\r', '\n'));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
