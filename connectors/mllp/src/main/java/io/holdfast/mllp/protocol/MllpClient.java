package io.holdfast.mllp.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * A small blocking MLLP client: one connection, send a frame, read a frame. Used by the outbound
 * transport, {@code holdfast:mllp-send}, tests and the benchmark load driver.
 * Not thread-safe: one user at a time.
 */
public final class MllpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int maxFrameBytes;

    private MllpClient(Socket socket, int maxFrameBytes) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
        this.maxFrameBytes = maxFrameBytes;
    }

    public static MllpClient connect(String host, int port, Duration connectTimeout) throws IOException {
        return connect(SocketFactory.getDefault(), host, port, connectTimeout);
    }

    /** With a TLS socket factory (from an {@link javax.net.ssl.SSLContext}) for TLS listeners. */
    public static MllpClient connect(SocketFactory factory, String host, int port, Duration connectTimeout) throws IOException {
        Socket s = factory.createSocket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new MllpClient(s, 16 * 1024 * 1024);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Sends one message in a frame. */
    public void send(byte[] message) throws IOException {
        out.write(MllpFraming.frame(message));
        out.flush();
    }

    /** Writes bytes as they are (for framing tests and fault simulation). */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends one message and waits up to {@code timeout} for the reply frame. */
    public byte[] exchange(byte[] message, Duration timeout) throws IOException {
        send(message);
        return read(timeout);
    }

    /**
     * Reads the next frame's content; bytes before its start block are skipped.
     *
     * @throws SocketTimeoutException if no whole frame arrived within {@code timeout}
     * @throws java.io.EOFException   if the peer closed the connection
     */
    public byte[] read(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed by peer");
            }
        } while (b != MllpFraming.START_BLOCK);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
        while (true) {
            b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed mid-frame");
            }
            if (b == MllpFraming.END_BLOCK) {
                in.mark(1);
                if (in.read() != MllpFraming.CARRIAGE_RETURN) {
                    in.reset();
                }
                return frame.toByteArray();
            }
            if (frame.size() >= maxFrameBytes) {
                throw new IOException("reply frame exceeds " + maxFrameBytes + " bytes");
            }
            frame.write(b);
        }
    }

    /** True if the peer has closed the connection (checked by a short read). */
    public boolean isClosedByPeer(Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
