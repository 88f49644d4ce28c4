package io.holdfast.simulator.mllp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The sending side of MLLP as a PAS plays it: one blocking connection, one message at a time, each
 * answered by one ACK frame. A reply that does not come within the timeout raises
 * {@link java.net.SocketTimeoutException}; a connection the receiver closes raises
 * {@link java.io.EOFException}.
 */
public final class MllpConnection implements AutoCloseable {
    private static final int MAX_REPLY_BYTES = 1024 * 1024;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private MllpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static MllpConnection open(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new MllpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one message (no framing: this adds it) and returns the reply message. */
    public byte[] exchange(byte[] message, Duration replyTimeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, replyTimeout.toMillis()));
        out.write(MllpFrames.frame(message));
        out.flush();
        return MllpFrames.read(in, MAX_REPLY_BYTES);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
